package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.thingseeportal.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** The registrations come from the database at every sign-in; a provider's discovery document is read once an hour. */
class PortalClientRegistrationsTest {

    private final SignInTenants tenants = mock(SignInTenants.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final AtomicInteger discoveries = new AtomicInteger();
    private HttpServer provider;
    private URI issuer;
    private PortalClientRegistrations registrations;

    @BeforeEach
    void aProviderWithADiscoveryDocument() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = URI.create("http://127.0.0.1:" + provider.getAddress().getPort());
        provider.createContext("/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            byte[] body = """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize",\
                    "token_endpoint":"%1$s/oauth2/token","jwks_uri":"%1$s/oauth2/jwks",\
                    "userinfo_endpoint":"%1$s/userinfo","subject_types_supported":["public"],\
                    "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        registrations = new PortalClientRegistrations(TestOidc.settings("operators", issuer), tenants, clock);
        when(tenants.findForSignIn("acme"))
                .thenReturn(Optional.of(new SignInTenants.SignInTenant(7, "acme", "Acme Facilities")));
        when(tenants.identityProvider("acme")).thenReturn(Optional.of(acmeProvider("acme-portal")));
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void a_tenants_registration_is_its_own_provider_under_its_slug() {
        ClientRegistration acme = registrations.findByRegistrationId("acme");

        assertThat(acme.getRegistrationId()).isEqualTo("acme");
        assertThat(acme.getClientName()).isEqualTo("Acme Facilities");
        assertThat(acme.getClientId()).isEqualTo("acme-portal");
        assertThat(acme.getClientSecret()).isEqualTo("acme-oidc-secret");
        assertThat(acme.getScopes()).containsExactlyInAnyOrder("openid", "email");
        assertThat(acme.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(acme.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(acme.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
    }

    @Test
    void the_operators_registration_comes_from_the_settings() {
        ClientRegistration operators = registrations.findByRegistrationId("operators");

        assertThat(operators.getClientId()).isEqualTo("portal");
        assertThat(operators.getClientName()).isEqualTo("Portal operators");
    }

    @Test
    void a_changed_provider_counts_at_the_next_sign_in_without_a_restart() {
        registrations.findByRegistrationId("acme");
        when(tenants.identityProvider("acme")).thenReturn(Optional.of(acmeProvider("acme-portal-2")));

        assertThat(registrations.findByRegistrationId("acme").getClientId()).isEqualTo("acme-portal-2");
    }

    @Test
    void an_unknown_organisation_or_one_without_a_provider_has_no_registration() {
        when(tenants.findForSignIn("umbrella")).thenReturn(Optional.empty());
        when(tenants.findForSignIn("initech"))
                .thenReturn(Optional.of(new SignInTenants.SignInTenant(8, "initech", "Initech")));
        when(tenants.identityProvider("initech")).thenReturn(Optional.empty());

        assertThat(registrations.findByRegistrationId("umbrella")).isNull();
        assertThat(registrations.findByRegistrationId("initech")).isNull();
    }

    @Test
    void the_discovery_document_is_read_once_an_hour_for_all_who_use_the_provider() {
        registrations.findByRegistrationId("acme");
        registrations.findByRegistrationId("operators");
        registrations.findByRegistrationId("acme");
        assertThat(discoveries).hasValue(1);

        clock.advance(PortalClientRegistrations.KEEP_DISCOVERY);
        registrations.findByRegistrationId("acme");

        assertThat(discoveries).hasValue(2);
    }

    @Test
    void an_unreachable_provider_is_reported_with_its_issuer_and_tried_again_at_the_next_sign_in() {
        provider.stop(0);

        assertThatThrownBy(() -> registrations.findByRegistrationId("acme"))
                .isInstanceOfSatisfying(
                        IdentityProviderUnavailableException.class,
                        e -> assertThat(e.issuer()).isEqualTo(issuer));
        assertThatThrownBy(() -> registrations.findByRegistrationId("acme"))
                .isInstanceOf(IdentityProviderUnavailableException.class);
    }

    @Test
    void provider_settings_that_cannot_be_used_are_reported_as_such_and_not_as_an_unknown_organisation() {
        when(tenants.identityProvider("acme"))
                .thenThrow(new IllegalArgumentException("Could not resolve placeholder 'acme.issuer'"));

        assertThatThrownBy(() -> registrations.findByRegistrationId("acme"))
                .isInstanceOfSatisfying(
                        IdentityProviderUnusableException.class,
                        e -> assertThat(SignInProblems.problem(e))
                                .isEqualTo(new SignInProblems.Problem("unusable", "Acme Facilities")));
        assertThat(SignInProblems.problem(new IllegalArgumentException("Invalid Client Registration with Id: x")))
                .isEqualTo(new SignInProblems.Problem("unknown_organisation"));
    }

    private TenantIdentityProvider acmeProvider(String clientId) {
        return new TenantIdentityProvider(
                issuer,
                clientId,
                "acme-oidc-secret",
                List.of("openid", "email"),
                "roles",
                RoleMapping.ROLE_NAMES,
                Set.of());
    }
}
