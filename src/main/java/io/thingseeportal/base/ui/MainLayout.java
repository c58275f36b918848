package io.thingseeportal.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/**
 * The shell around every signed-in view: a side navigation built from {@code @Menu} (showing only what the user may
 * open) and the user menu. On phones the navigation sits in a drawer.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        var title = new H1(getTranslation("app.title"));
        title.addClassName("portal-title");
        var header = new HorizontalLayout(
                new DrawerToggle(), title, new UserMenu(currentUser.require(), authentication::logout));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.addClassName("portal-header");
        addToNavbar(true, header);
        addToDrawer(navigation());
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.addClassName("portal-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        String label = getTranslation(entry.title());
        return entry.icon() == null
                ? new SideNavItem(label, entry.path())
                : new SideNavItem(label, entry.path(), new Icon(entry.icon()));
    }
}
