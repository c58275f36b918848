package io.thingseeportal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import io.thingseeportal.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.WebAttributes;

class SignInProblemViewTest extends KaribuTest {

    @Test
    void an_unknown_organisation_is_named_with_what_to_do() {
        failSignIn(new OAuth2AuthenticationException(new OAuth2Error("portal_unknown_tenant", "umbrella", null)));

        UI.getCurrent().navigate("sign-in-problem");

        assertThat(_get(Paragraph.class).getText())
                .isEqualTo("Your organisation \"umbrella\" is not registered in this portal yet."
                        + " Ask the portal operator to add it.");
        assertThat(_get(Anchor.class, spec -> spec.withId("sign-in-again")).getHref())
                .isEqualTo("/");
    }

    @Test
    void an_account_without_a_role_is_told_which_claim_is_missing() {
        failSignIn(new OAuth2AuthenticationException(new OAuth2Error("portal_no_role", "roles", null)));

        UI.getCurrent().navigate("sign-in-problem");

        assertThat(_get(Paragraph.class).getText()).contains("has no role in this portal", "roles");
    }

    @Test
    void the_problem_is_shown_once_and_a_reload_offers_a_plain_retry() {
        failSignIn(new OAuth2AuthenticationException(new OAuth2Error("invalid_grant")));
        UI.getCurrent().navigate("sign-in-problem");
        assertThat(_get(Paragraph.class).getText()).contains("invalid_grant");

        UI.getCurrent().navigate("sign-in-problem", com.vaadin.flow.router.QueryParameters.of("again", "1"));

        assertThat(_get(Paragraph.class).getText()).isEqualTo("The sign-in was interrupted. Please try again.");
    }

    private static void failSignIn(Exception failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
    }
}
