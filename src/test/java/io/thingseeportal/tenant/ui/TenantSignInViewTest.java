package io.thingseeportal.tenant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.SignInTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operator adds a tenant and sets up where its users sign in. */
class TenantSignInViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignInTenants signIn;

    @BeforeEach
    void anOperator() {
        signIn("otto", null, AppRoles.OPERATOR);
    }

    @Test
    void a_new_tenant_gets_a_short_name_from_its_name_and_goes_on_to_its_sign_in() {
        UI.getCurrent().navigate(TenantListView.class);
        _click(_get(Button.class, spec -> spec.withId("tenant-new")));
        String name = "Cumulus Lögistics " + System.nanoTime();

        _get(TextField.class, spec -> spec.withId("tenant-new-name")).setValue(name);
        String slug =
                _get(TextField.class, spec -> spec.withId("tenant-new-slug")).getValue();
        _click(_get(Button.class, spec -> spec.withId("tenant-new-save")));

        assertThat(slug).startsWith("cumulus-logistics-");
        expectNotifications(name + " is added. Now set up where its users sign in.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("provider-redirect"))
                        .getText())
                .endsWith("/login/oauth2/code/" + slug);
        assertThat(signIn.findForSignIn(slug)).isPresent();
    }

    @Test
    void a_taken_short_name_is_told_on_its_field_and_nothing_is_added() {
        String taken = TestData.slug(jdbc, TestData.tenant(jdbc, "Acme"));
        UI.getCurrent().navigate(TenantListView.class);
        _click(_get(Button.class, spec -> spec.withId("tenant-new")));

        _get(TextField.class, spec -> spec.withId("tenant-new-name")).setValue("Acme again");
        var slug = _get(TextField.class, spec -> spec.withId("tenant-new-slug"));
        slug.setValue(taken);
        _click(_get(Button.class, spec -> spec.withId("tenant-new-save")));

        assertThat(slug.isInvalid()).isTrue();
        assertThat(slug.getErrorMessage())
                .isEqualTo("The short name " + taken + " is already taken by another tenant.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tenant WHERE name = 'Acme again'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_operator_sets_the_provider_which_sign_in_then_uses_with_the_secret_write_only() {
        long tenantId = TestData.tenant(jdbc, "Northwind");
        String slug = TestData.slug(jdbc, tenantId);
        UI.getCurrent().navigate(TenantSignInView.class, tenantId);

        _get(TextField.class, spec -> spec.withId("provider-issuer")).setValue("https://login.northwind.example");
        _get(TextField.class, spec -> spec.withId("provider-client-id")).setValue("thingsee-portal");
        _get(PasswordField.class, spec -> spec.withId("provider-secret")).setValue("northwind-secret-4711");
        _get(TextField.class, spec -> spec.withId("provider-role-claim")).setValue("groups");
        _get(TextArea.class, spec -> spec.withId("provider-role-mapping")).setValue("Portal Admins=ADMIN");
        _get(TextArea.class, spec -> spec.withId("provider-email-domains")).setValue("Northwind.example");
        _click(_get(Button.class, spec -> spec.withId("provider-save")));

        expectNotifications("Saved. The next sign-in uses it.");
        var provider = signIn.identityProvider(slug).orElseThrow();
        assertThat(provider.clientSecret()).isEqualTo("northwind-secret-4711");
        assertThat(provider.roleMapping().entries()).containsEntry("Portal Admins", "ADMIN");
        assertThat(provider.emailDomains()).containsExactly("northwind.example");
        var secret = _get(PasswordField.class, spec -> spec.withId("provider-secret"));
        assertThat(secret.getValue()).isEmpty();
        assertThat(secret.getPlaceholder()).isEqualTo("Stored; type a new one to replace it");
    }

    @Test
    void a_mapping_that_does_not_read_is_explained_and_nothing_is_saved() {
        long tenantId = TestData.tenant(jdbc, "Northwind");
        UI.getCurrent().navigate(TenantSignInView.class, tenantId);
        _get(TextField.class, spec -> spec.withId("provider-issuer")).setValue("https://login.northwind.example");
        _get(TextField.class, spec -> spec.withId("provider-client-id")).setValue("thingsee-portal");
        _get(PasswordField.class, spec -> spec.withId("provider-secret")).setValue("secret");
        _get(TextArea.class, spec -> spec.withId("provider-role-mapping")).setValue("admins ADMIN");

        _click(_get(Button.class, spec -> spec.withId("provider-save")));

        expectNotifications("The role mapping does not read: \"admins ADMIN\" is not of the form <claim value>=<ROLE>");
        assertThat(signIn.identityProvider(TestData.slug(jdbc, tenantId))).isEmpty();
    }

    @Test
    void an_issuer_that_is_not_a_web_address_is_named() {
        long tenantId = TestData.tenant(jdbc, "Northwind");
        UI.getCurrent().navigate(TenantSignInView.class, tenantId);
        _get(TextField.class, spec -> spec.withId("provider-issuer")).setValue("login.northwind.example");
        _get(TextField.class, spec -> spec.withId("provider-client-id")).setValue("thingsee-portal");
        _get(PasswordField.class, spec -> spec.withId("provider-secret")).setValue("secret");

        _click(_get(Button.class, spec -> spec.withId("provider-save")));

        expectNotifications("Issuer URL: must start with https://");
    }

    @Test
    void testing_an_unreachable_provider_says_so_plainly() {
        long tenantId = TestData.tenant(jdbc, "Northwind");
        UI.getCurrent().navigate(TenantSignInView.class, tenantId);
        _get(TextField.class, spec -> spec.withId("provider-issuer")).setValue("http://127.0.0.1:1");

        _click(_get(Button.class, spec -> spec.withId("provider-test")));

        var result = _get(Span.class, spec -> spec.withId("provider-check"));
        assertThat(result.getText()).startsWith("The provider cannot be reached: http://127.0.0.1:1/.well-known/");
        assertThat(result.getElement().getThemeList()).contains("badge", "error");
    }

    @Test
    void a_tenant_that_is_not_there_is_told_so() {
        UI.getCurrent().navigate(TenantSignInView.class, 987_654_321L);

        assertThat(_get(Paragraph.class).getText()).startsWith("This tenant is not there");
    }
}
