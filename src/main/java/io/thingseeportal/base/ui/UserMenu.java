package io.thingseeportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import io.thingseeportal.security.PortalUser;
import java.util.Locale;

/** The signed-in user's name, tenant and role, with language, theme and sign-out. */
class UserMenu extends Composite<MenuBar> {

    UserMenu(PortalUser user, Runnable logout) {
        MenuBar bar = getContent();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        bar.addClassName("portal-user-menu");
        bar.setId("user-menu");

        var avatar = new Avatar(user.name());
        MenuItem root = bar.addItem(avatar);
        root.setAriaLabel(getTranslation("user-menu.label", user.name()));
        SubMenu menu = root.getSubMenu();

        menu.addItem(user.name()).setEnabled(false);
        String tenant = user.tenantName() != null ? user.tenantName() : getTranslation("user-menu.all-tenants");
        menu.addItem(tenant).setEnabled(false);
        menu.addItem(getTranslation("role." + user.primaryRole())).setEnabled(false);

        SubMenu language = menu.addItem(getTranslation("user-menu.language")).getSubMenu();
        for (Locale locale : LanguagePreference.SUPPORTED) {
            language.addItem(locale.getDisplayLanguage(locale), click -> LanguagePreference.choose(locale));
        }

        SubMenu theme = menu.addItem(getTranslation("user-menu.theme")).getSubMenu();
        theme.addItem(getTranslation("user-menu.theme.light"), click -> ThemePreference.choose(UI.getCurrent(), false));
        theme.addItem(getTranslation("user-menu.theme.dark"), click -> ThemePreference.choose(UI.getCurrent(), true));

        MenuItem signOut = menu.addItem(getTranslation("user-menu.sign-out"), click -> logout.run());
        signOut.setId("sign-out");
    }
}
