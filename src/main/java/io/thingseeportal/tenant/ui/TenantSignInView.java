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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.IdentityProviderSettings;
import io.thingseeportal.tenant.TenantAdministration;
import io.thingseeportal.tenant.TenantChangeRefusedException;
import io.thingseeportal.tenant.TenantSummary;
import io.thingseeportal.tenant.UnknownTenantException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An operator sets a tenant's own identity provider: where its users sign in, the portal's client there (the secret is
 * write-only), which claim carries roles or groups and how they map, and which e-mail domains may sign in. "Test
 * identity provider" reads the issuer's discovery document as sign-in will.
 */
@Route("tenant-sign-in")
@RolesAllowed(AppRoles.OPERATOR)
class TenantSignInView extends Composite<VerticalLayout> implements HasUrlParameter<Long>, HasDynamicTitle {

    private final TenantAdministration administration;
    private final TextField issuer = field("issuer");
    private final TextField clientId = field("client-id");
    private final PasswordField secret = new PasswordField();
    private final TextField scopes = field("scopes");
    private final TextField roleClaim = field("role-claim");
    private final TextArea roleMapping = new TextArea();
    private final TextArea emailDomains = new TextArea();
    private final Span checkResult = new Span();
    private long tenantId;

    TenantSignInView(TenantAdministration administration) {
        this.administration = administration;
        secret.setId("provider-secret");
        secret.setLabel(getTranslation("tenant.provider.secret"));
        roleMapping.setId("provider-role-mapping");
        roleMapping.setLabel(getTranslation("tenant.provider.role-mapping"));
        roleMapping.setHelperText(getTranslation("tenant.provider.role-mapping.help"));
        emailDomains.setId("provider-email-domains");
        emailDomains.setLabel(getTranslation("tenant.provider.email-domains"));
        emailDomains.setHelperText(getTranslation("tenant.provider.email-domains.help"));
        checkResult.setId("provider-check");
    }

    @Override
    public void setParameter(BeforeEvent event, Long tenant) {
        tenantId = tenant;
        VerticalLayout content = getContent();
        content.removeAll();
        IdentityProviderSettings settings;
        TenantSummary summary;
        try {
            summary = administration.find(tenantId);
            settings = administration.identityProvider(tenantId);
        } catch (UnknownTenantException gone) {
            content.add(new H2(getTranslation("tenant.provider.title")));
            content.add(new Paragraph(getTranslation("tenant.provider.unknown-tenant")));
            return;
        }
        issuer.setValue(settings.issuerUri());
        clientId.setValue(settings.clientId());
        secret.clear();
        secret.setPlaceholder(settings.hasSecret() ? getTranslation("tenant.provider.secret.stored") : "");
        scopes.setValue(settings.scopes());
        roleClaim.setValue(settings.roleClaim());
        roleMapping.setValue(settings.roleMapping());
        emailDomains.setValue(settings.emailDomains());
        var test = new Button(getTranslation("tenant.provider.test"), click -> test());
        test.setId("provider-test");
        var save = new Button(getTranslation("tenant.provider.save"), click -> save(settings.hasSecret()));
        save.setId("provider-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var redirect = new Paragraph(getTranslation("tenant.provider.redirect", redirectUri(summary.slug())));
        redirect.setId("provider-redirect");
        content.add(
                new H2(getTranslation("tenant.provider.title-of", summary.name())),
                redirect,
                new FormLayout(issuer, clientId, secret, scopes, roleClaim, roleMapping, emailDomains),
                new HorizontalLayout(test, save),
                checkResult);
    }

    /** The address the provider must send this tenant's users back to, on the address the operator uses. */
    private static String redirectUri(String slug) {
        var request = VaadinServletRequest.getCurrent();
        String base = request == null
                ? ""
                : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                        .build()
                        .toUriString();
        return base + "/login/oauth2/code/" + slug;
    }

    private void test() {
        var result = administration.testIdentityProvider(issuer.getValue());
        checkResult.setText(getTranslation(result.messageKey(), result.detail()));
        checkResult.getElement().getThemeList().clear();
        checkResult.getElement().getThemeList().add(result.ok() ? "badge success" : "badge error");
    }

    private void save(boolean hadSecret) {
        var settings = new IdentityProviderSettings(
                issuer.getValue(),
                clientId.getValue(),
                scopes.getValue(),
                roleClaim.getValue(),
                roleMapping.getValue(),
                emailDomains.getValue(),
                hadSecret);
        try {
            administration.saveIdentityProvider(tenantId, settings, secret.isEmpty() ? null : secret.getValue());
            secret.clear();
            secret.setPlaceholder(getTranslation("tenant.provider.secret.stored"));
            Notification.show(getTranslation("tenant.provider.saved"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TenantChangeRefusedException refused) {
            Notification.show(getTranslation(refused.messageKey(), refused.arguments()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ConstraintViolationException invalid) {
            var first = invalid.getConstraintViolations().iterator().next();
            Notification.show(getTranslation(
                            "tenant.provider.invalid",
                            getTranslation("tenant.provider."
                                    + fieldOf(first.getPropertyPath().toString())),
                            first.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (UnknownTenantException gone) {
            Notification.show(getTranslation("tenant.provider.unknown-tenant"))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String fieldOf(String propertyPath) {
        String property = propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
        return switch (property) {
            case "issuerUri" -> "issuer";
            case "clientId" -> "client-id";
            case "roleClaim" -> "role-claim";
            case "roleMapping" -> "role-mapping";
            case "emailDomains" -> "email-domains";
            default -> property;
        };
    }

    private TextField field(String name) {
        var field = new TextField(getTranslation("tenant.provider." + name));
        field.setId("provider-" + name);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenant.provider.title");
    }
}
