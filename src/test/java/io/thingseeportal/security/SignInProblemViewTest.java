package io.thingseeportal.security;

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
        failSignIn(new PortalSignInException("portal_unknown_tenant", "umbrella"));

        UI.getCurrent().navigate("sign-in-problem");

        assertThat(_get(Paragraph.class).getText())
                .isEqualTo("Your organisation \"umbrella\" is not registered in this portal yet."
                        + " Ask the portal operator to add it.");
        assertThat(_get(Anchor.class, spec -> spec.withId("sign-in-again")).getHref())
                .isEqualTo("/");
    }

    @Test
    void an_address_outside_the_organisations_domains_is_named_with_the_organisation() {
        failSignIn(new PortalSignInException("portal_email_domain", "camille@cumulus.example", "Borealis Retail"));

        UI.getCurrent().navigate("sign-in-problem");

        assertThat(_get(Paragraph.class).getText())
                .isEqualTo("The address \"camille@cumulus.example\" may not sign in to Borealis Retail: its e-mail"
                        + " domain is not one of theirs. Sign in with your work account.");
    }

    @Test
    void a_tenant_user_at_the_operators_sign_in_is_sent_to_their_organisations() {
        failSignIn(new PortalSignInException("portal_not_operator", "Portal operators"));

        UI.getCurrent().navigate("sign-in-problem");

        assertThat(_get(Paragraph.class).getText())
                .startsWith("The sign-in \"Portal operators\" is for the portal's operators");
    }

    @Test
    void an_organisation_that_does_not_sign_in_here_is_told_so() {
        failSignIn(new org.springframework.security.authentication.AuthenticationServiceException(
                "redirect failed", new IllegalArgumentException("Invalid Client Registration with Id: umbrella")));

        UI.getCurrent().navigate("sign-in-problem");

        assertThat(_get(Paragraph.class).getText()).startsWith("This organisation does not sign in to the portal");
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
