package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vaadin.flow.server.WrappedHttpSession;
import io.thingseeportal.TestData;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the HTTP layer lets through: the actuator by role, nothing more for a user whose tenant was disabled, and
 * sign-in failures that happen before the user reaches the provider (the redirect to it is covered by the browser test,
 * DemoSignInE2E). The test profile's identity provider is unreachable on purpose (port 1). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HttpSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_unreachable_provider_leads_to_the_sign_in_problem_page_and_not_a_redirect_loop() throws Exception {
        var session = new MockHttpSession();
        mvc.perform(get("/oauth2/authorization/sso").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/sign-in-problem"));

        var problem = SignInProblems.takeLastProblem(new WrappedHttpSession(session));
        assertThat(problem).contains(new SignInProblems.Problem("unreachable", "http://127.0.0.1:1/unused"));
    }

    @Test
    void the_health_endpoint_is_open_without_signing_in() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void the_other_actuator_endpoints_are_for_operators() throws Exception {
        mvc.perform(get("/actuator/metrics").with(oidcLogin().authorities(role(AppRoles.OPERATOR))))
                .andExpect(status().isOk());
    }

    @Test
    void an_admin_may_not_read_the_actuator() throws Exception {
        mvc.perform(get("/actuator/metrics").with(oidcLogin().authorities(role(AppRoles.ADMIN))))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_health_details_are_shown_to_operators() throws Exception {
        mvc.perform(get("/actuator/health").with(oidcLogin().authorities(role(AppRoles.OPERATOR))))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.diskSpace.details.total").isNumber());
    }

    @Test
    void a_user_whose_tenant_was_disabled_is_signed_out_at_the_next_request() throws Exception {
        long tenantId = TestData.tenant(jdbc, "Acme Facilities");
        var session = new MockHttpSession();
        mvc.perform(get("/actuator/health").session(session).with(authentication(adminOf(tenantId))));
        assertThat(session.isInvalid())
                .as("signed in while the tenant is active")
                .isFalse();

        jdbc.sql("UPDATE tenant SET status = 'DISABLED' WHERE id = ?")
                .param(tenantId)
                .update();
        mvc.perform(get("/actuator/health").session(session).with(authentication(adminOf(tenantId))))
                .andExpect(status().isOk());

        assertThat(session.isInvalid()).isTrue();
    }

    private static OAuth2AuthenticationToken adminOf(long tenantId) {
        List<GrantedAuthority> authorities = List.of(role(AppRoles.ADMIN));
        var token = OidcIdToken.withTokenValue("id-token")
                .subject("aino")
                .issuer("http://idp.test")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .build();
        var user = new PortalUser("aino", "Aino", Set.of(AppRoles.ADMIN), tenantId, "acme", "Acme Facilities");
        return new OAuth2AuthenticationToken(new PortalOidcUser(authorities, token, null, user), authorities, "sso");
    }

    private static SimpleGrantedAuthority role(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }
}
