package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantAdministration;
import io.thingseeportal.tenant.UnknownTenantException;
import io.thingseeportal.thingsee.TenantStreamSettings;
import io.thingseeportal.thingsee.ThingseeCredentials;
import io.thingseeportal.thingsee.ThingseeSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

/**
 * An operator sets a tenant's Thingsee API stack: its base URL and the portal's client there (the secret is
 * write-only). "Test Thingsee credentials" signs in with them (a client-token call) before they are saved. Below, the
 * tenant's data stream ({@link TenantStreamForm}).
 */
@Route("tenant-thingsee")
@RolesAllowed(AppRoles.OPERATOR)
class TenantThingseeView extends Composite<VerticalLayout> implements HasUrlParameter<Long>, HasDynamicTitle {

    private final TenantAdministration tenants;
    private final ThingseeCredentials credentials;
    private final TenantStreamSettings streams;
    private final TextField baseUrl = new TextField();
    private final TextField clientId = new TextField();
    private final PasswordField secret = new PasswordField();
    private final Span checkResult = new Span();
    private long tenantId;

    TenantThingseeView(TenantAdministration tenants, ThingseeCredentials credentials, TenantStreamSettings streams) {
        this.tenants = tenants;
        this.credentials = credentials;
        this.streams = streams;
        baseUrl.setId("thingsee-base-url");
        baseUrl.setLabel(getTranslation("tenant.thingsee.base-url"));
        baseUrl.setHelperText(getTranslation("tenant.thingsee.base-url.help"));
        clientId.setId("thingsee-client-id");
        clientId.setLabel(getTranslation("tenant.thingsee.client-id"));
        secret.setId("thingsee-secret");
        secret.setLabel(getTranslation("tenant.thingsee.secret"));
        checkResult.setId("thingsee-check");
    }

    @Override
    public void setParameter(BeforeEvent event, Long tenant) {
        tenantId = tenant;
        VerticalLayout content = getContent();
        content.removeAll();
        String name;
        try {
            name = tenants.find(tenantId).name();
        } catch (UnknownTenantException gone) {
            content.add(new H2(getTranslation("tenant.thingsee.title")));
            content.add(new Paragraph(getTranslation("tenant.provider.unknown-tenant")));
            return;
        }
        ThingseeSettings settings = credentials.settings(tenantId);
        baseUrl.setValue(settings.baseUrl());
        clientId.setValue(settings.clientId());
        secret.clear();
        secret.setPlaceholder(settings.hasSecret() ? getTranslation("tenant.provider.secret.stored") : "");
        var test = new Button(getTranslation("tenant.thingsee.test"), click -> test());
        test.setId("thingsee-test");
        var save = new Button(getTranslation("tenant.provider.save"), click -> save());
        save.setId("thingsee-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(
                new H2(getTranslation("tenant.thingsee.title-of", name)),
                new FormLayout(baseUrl, clientId, secret),
                new HorizontalLayout(test, save),
                checkResult,
                new TenantStreamForm(streams, tenantId));
    }

    private void test() {
        var result = credentials.test(tenantId, baseUrl.getValue(), clientId.getValue(), secretOrNull());
        checkResult.setText(getTranslation(result.messageKey(), result.detail()));
        checkResult.getElement().getThemeList().clear();
        checkResult.getElement().getThemeList().add(result.ok() ? "badge success" : "badge error");
    }

    private void save() {
        try {
            credentials.save(
                    tenantId, new ThingseeSettings(baseUrl.getValue(), clientId.getValue(), false), secretOrNull());
            secret.clear();
            secret.setPlaceholder(getTranslation("tenant.provider.secret.stored"));
            Notification.show(getTranslation("tenant.thingsee.saved"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConstraintViolationException invalid) {
            var first = invalid.getConstraintViolations().iterator().next();
            String field = first.getPropertyPath().toString().endsWith("baseUrl") ? "base-url" : "client-id";
            Notification.show(getTranslation(
                            "tenant.provider.invalid", getTranslation("tenant.thingsee." + field), first.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (IllegalStateException noSecret) {
            Notification.show(getTranslation("tenant.provider.secret.required"))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private String secretOrNull() {
        return secret.isEmpty() ? null : secret.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenant.thingsee.title");
    }
}
