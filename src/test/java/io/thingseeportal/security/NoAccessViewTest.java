package io.thingseeportal.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import io.thingseeportal.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.WebAttributes;

class NoAccessViewTest extends KaribuTest {

    @Test
    void a_person_without_a_role_is_told_their_organisation_and_the_admin_to_ask() {
        refuse(new PortalSignInException(
                PortalOidcUserService.ERROR_NO_ROLE, "Borealis Retail", "Britt Lindqvist (britt@borealis.example)"));

        UI.getCurrent().navigate("no-access");

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-access-organisation"))
                        .getText())
                .isEqualTo("You are signed in at Borealis Retail, but your account has no role in this portal yet.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-access-ask")).getText())
                .isEqualTo("Ask Britt Lindqvist (britt@borealis.example), an admin of Borealis Retail, to give you"
                        + " access.");
    }

    @Test
    void without_a_known_admin_they_are_told_to_ask_their_organisations_admin() {
        refuse(new PortalSignInException(PortalOidcUserService.ERROR_NO_ROLE, "Borealis Retail", ""));

        UI.getCurrent().navigate("no-access");

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-access-ask")).getText())
                .isEqualTo("Ask your admin at Borealis Retail to give you access.");
    }

    @Test
    void opened_without_a_refused_sign_in_it_explains_in_general() {
        UI.getCurrent().navigate("no-access");

        assertThat(_get(Paragraph.class).getText()).startsWith("Your account has no role in this portal yet.");
    }

    private static void refuse(Exception failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
    }
}
