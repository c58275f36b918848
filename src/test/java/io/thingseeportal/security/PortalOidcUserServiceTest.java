package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class PortalOidcUserServiceTest {

    private final SignInTenants tenants = mock(SignInTenants.class);
    private final PortalOidcUserService service = new PortalOidcUserService(properties(), tenants);

    @Test
    void a_known_tenant_and_role_become_the_portal_user_and_role_authorities() {
        when(tenants.findForSignIn("acme"))
                .thenReturn(Optional.of(new SignInTenants.SignInTenant(7, "acme", "Acme Facilities")));

        PortalOidcUser user = service.toPortalUser(oidcUser(Map.of("tenant", "acme", "roles", List.of("ADMIN"))));

        assertThat(user.portalUser().tenantId()).isEqualTo(7L);
        assertThat(user.portalUser().tenantName()).isEqualTo("Acme Facilities");
        assertThat(user.portalUser().tenantSlug()).isEqualTo("acme");
        assertThat(user.portalUser().name()).isEqualTo("Aino Virtanen");
        assertThat(user.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void a_tenant_the_portal_does_not_know_is_refused_naming_it() {
        when(tenants.findForSignIn("umbrella")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.toPortalUser(oidcUser(Map.of("tenant", "umbrella", "roles", "VIEWER"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_UNKNOWN_TENANT);
                    assertThat(e.getError().getDescription()).isEqualTo("umbrella");
                });
    }

    @Test
    void a_user_of_a_disabled_tenant_is_refused_naming_the_organisation() {
        when(tenants.findForSignIn("acme"))
                .thenReturn(Optional.of(new SignInTenants.SignInTenant(7, "acme", "Acme Facilities", false)));

        assertThatThrownBy(() -> service.toPortalUser(oidcUser(Map.of("tenant", "acme", "roles", "ADMIN"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_TENANT_DISABLED);
                    assertThat(e.getError().getDescription()).isEqualTo("Acme Facilities");
                });
    }

    @Test
    void the_operator_signs_in_without_a_tenant() {
        PortalOidcUser user = service.toPortalUser(oidcUser(Map.of("roles", List.of("OPERATOR"))));

        assertThat(user.portalUser().tenantId()).isNull();
        assertThat(user.portalUser().primaryRole()).isEqualTo(AppRoles.OPERATOR);
    }

    private static DefaultOidcUser oidcUser(Map<String, Object> claims) {
        var token = OidcIdToken.withTokenValue("id-token")
                .subject("user-1")
                .issuer("http://idp.test")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("name", "Aino Virtanen")
                .claims(all -> all.putAll(claims))
                .build();
        return new DefaultOidcUser(List.of(), token);
    }

    private static OidcProperties properties() {
        return new OidcProperties(
                "sso", "SSO", URI.create("http://idp.test"), "portal", "secret", List.of("openid"), "tenant", "roles");
    }
}
