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
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.ThingseeStacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operator sets a tenant's Thingsee API credentials, the secret write-only, and tests them. */
class TenantThingseeViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ThingseeStacks stacks;

    long tenantId;

    @BeforeEach
    void anOperatorOnATenantsThingseePage() {
        tenantId = TestData.tenant(jdbc, "Cumulus");
        signIn("otto", null, AppRoles.OPERATOR);
        UI.getCurrent().navigate(TenantThingseeView.class, tenantId);
    }

    @Test
    void saved_credentials_are_used_by_the_tenants_thingsee_calls_and_the_secret_is_not_shown_again() {
        _get(TextField.class, spec -> spec.withId("thingsee-base-url")).setValue("https://stack.example/prod/v1");
        _get(TextField.class, spec -> spec.withId("thingsee-client-id")).setValue("cumulus-client");
        _get(PasswordField.class, spec -> spec.withId("thingsee-secret")).setValue("cumulus-secret-4711");

        _click(_get(Button.class, spec -> spec.withId("thingsee-save")));

        expectNotifications("Saved. Thingsee calls use it at once on this node, within 30 seconds on the others.");
        var stack = stacks.require(TestData.slug(jdbc, tenantId));
        assertThat(stack.clientId()).isEqualTo("cumulus-client");
        assertThat(stack.clientSecret()).isEqualTo("cumulus-secret-4711");
        var secret = _get(PasswordField.class, spec -> spec.withId("thingsee-secret"));
        assertThat(secret.getValue()).isEmpty();
        assertThat(secret.getPlaceholder()).isEqualTo("Stored; type a new one to replace it");
    }

    @Test
    void a_base_url_that_is_not_a_web_address_is_named_and_nothing_is_saved() {
        _get(TextField.class, spec -> spec.withId("thingsee-base-url")).setValue("stack.example");
        _get(TextField.class, spec -> spec.withId("thingsee-client-id")).setValue("cumulus-client");
        _get(PasswordField.class, spec -> spec.withId("thingsee-secret")).setValue("secret");

        _click(_get(Button.class, spec -> spec.withId("thingsee-save")));

        expectNotifications("API base URL: must start with https://");
        assertThat(stacks.forTenant(TestData.slug(jdbc, tenantId))).isEmpty();
    }

    @Test
    void a_first_save_without_a_secret_asks_for_it() {
        _get(TextField.class, spec -> spec.withId("thingsee-base-url")).setValue("https://stack.example/prod/v1");
        _get(TextField.class, spec -> spec.withId("thingsee-client-id")).setValue("cumulus-client");

        _click(_get(Button.class, spec -> spec.withId("thingsee-save")));

        expectNotifications("Type the client secret: this tenant has none stored yet.");
    }

    @Test
    void testing_without_any_secret_says_so_plainly() {
        _get(TextField.class, spec -> spec.withId("thingsee-base-url")).setValue("https://stack.example/prod/v1");

        _click(_get(Button.class, spec -> spec.withId("thingsee-test")));

        assertThat(_get(Span.class, spec -> spec.withId("thingsee-check")).getText())
                .isEqualTo("Type the client secret: this tenant has none stored yet.");
    }

    @Test
    void a_tenant_that_is_not_there_is_told_so() {
        UI.getCurrent().navigate(TenantThingseeView.class, 987_654_321L);

        assertThat(_get(Paragraph.class).getText()).startsWith("This tenant is not there");
    }
}
