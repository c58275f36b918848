package io.thingseeportal.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.EmailField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in page finds the user's organisation and starts the sign-in at its own provider. */
class SignInViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    private final String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    private long northwind;
    private String slug;

    @BeforeEach
    void anOrganisationWithItsOwnProvider() {
        northwind = TestData.tenant(jdbc, "Northwind Traders");
        TestData.identityProvider(jdbc, northwind, domain);
        slug = TestData.slug(jdbc, northwind);
    }

    @Test
    void the_organisations_with_a_provider_are_listed_each_starting_its_own_sign_in() {
        long withoutProvider = TestData.tenant(jdbc, "Nobody Signs In Ltd");

        UI.getCurrent().navigate("sign-in");

        assertThat(_get(Anchor.class, spec -> spec.withId("sign-in-" + slug)).getHref())
                .isEqualTo("/oauth2/authorization/" + slug);
        assertThat(_find(Anchor.class, spec -> spec.withId("sign-in-" + TestData.slug(jdbc, withoutProvider))))
                .isEmpty();
    }

    @Test
    void a_disabled_organisation_is_not_offered() {
        jdbc.sql("UPDATE tenant SET status = 'DISABLED' WHERE id = ?")
                .param(northwind)
                .update();

        UI.getCurrent().navigate("sign-in");

        assertThat(_find(Anchor.class, spec -> spec.withId("sign-in-" + slug))).isEmpty();
    }

    @Test
    void an_address_of_the_organisations_domain_goes_to_its_sign_in() {
        UI.getCurrent().navigate("sign-in");

        _get(EmailField.class, spec -> spec.withId("sign-in-email")).setValue("Anna.Berg@" + domain.toUpperCase());
        _click(_get(Button.class, spec -> spec.withId("sign-in-continue")));

        assertThat(pendingJavaScript()).contains("/oauth2/authorization/" + slug);
    }

    @Test
    void an_address_of_a_domain_no_organisation_uses_is_told_so() {
        UI.getCurrent().navigate("sign-in");
        var email = _get(EmailField.class, spec -> spec.withId("sign-in-email"));

        email.setValue("someone@example.org");
        _click(_get(Button.class, spec -> spec.withId("sign-in-continue")));

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage())
                .isEqualTo("No organisation here signs in with addresses at example.org. Choose yours below, or ask"
                        + " your admin.");
        assertThat(pendingJavaScript()).doesNotContain("/oauth2/authorization/");
    }

    @Test
    void two_organisations_sharing_a_domain_are_not_guessed_between() {
        long other = TestData.tenant(jdbc, "Northwind Logistics");
        TestData.identityProvider(jdbc, other, domain);
        UI.getCurrent().navigate("sign-in");

        _get(EmailField.class, spec -> spec.withId("sign-in-email")).setValue("anna@" + domain);
        _click(_get(Button.class, spec -> spec.withId("sign-in-continue")));

        assertThat(_get(EmailField.class, spec -> spec.withId("sign-in-email")).isInvalid())
                .isTrue();
    }

    @Test
    void operators_have_their_own_sign_in() {
        UI.getCurrent().navigate("sign-in");

        assertThat(_get(Anchor.class, spec -> spec.withId("sign-in-operators")).getHref())
                .isEqualTo("/oauth2/authorization/sso");
    }

    private static String pendingJavaScript() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(invocation -> invocation.getInvocation().getExpression() + " "
                        + invocation.getInvocation().getParameters())
                .reduce("", String::concat);
    }
}
