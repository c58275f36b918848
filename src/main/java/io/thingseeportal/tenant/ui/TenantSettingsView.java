package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantChangeRefusedException;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A customer admin's settings of their own organisation. */
@Route("settings")
@Menu(order = 90, icon = "vaadin:cog", title = "menu.settings")
@RolesAllowed(AppRoles.ADMIN)
class TenantSettingsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final TenantService tenants;
    private final Binder<TenantSettingsForm.Values> binder = new Binder<>();
    private final TenantSettingsForm form;

    TenantSettingsView(TenantService tenants) {
        this.tenants = tenants;
        form = new TenantSettingsForm(countries(), tenants::defaultGroupChoices);
        form.bind(binder);
        binder.setBean(TenantSettingsForm.Values.of(tenants.currentSettings()));

        var save = new Button(getTranslation("settings.save"), click -> save());
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(new H2(getTranslation("settings.title")), form, save);
        getContent().setMaxWidth("40rem");
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        TenantSettings saved;
        try {
            saved = tenants.updateSettings(binder.getBean().toSettings());
        } catch (TenantChangeRefusedException refused) {
            // The group was deleted since it was chosen, or the country is not one: the field says which.
            var field = refused.messageKey().startsWith("settings.group") ? form.group : form.country;
            field.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            field.setInvalid(true);
            return;
        }
        binder.setBean(TenantSettingsForm.Values.of(saved));
        Notification.show(getTranslation("settings.saved"), 3000, Notification.Position.BOTTOM_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private List<Locale> countries() {
        Locale display = getLocale();
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Locale("", code))
                .sorted(Comparator.comparing(country -> country.getDisplayCountry(display)))
                .toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title");
    }
}
