package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/** Access that lapsed while signed in ends the session at the next request: a disabled tenant, ended installer access. */
class LapsedAccessSignOutTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    final ActiveTenants tenants = mock(ActiveTenants.class);
    final InstallerGrants grants = mock(InstallerGrants.class);
    final LapsedAccessSignOut filter =
            new LapsedAccessSignOut(tenants, grants, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    final MockHttpSession session = new MockHttpSession();
    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/devices");
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final MockFilterChain chain = new MockFilterChain();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_user_whose_tenant_was_disabled_is_signed_out_at_the_next_request_which_goes_on_as_nobodys()
            throws Exception {
        signedIn(7L, AppRoles.ADMIN);
        when(tenants.isActive(7)).thenReturn(false);

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(chain.getRequest()).as("the request went on").isSameAs(request);
    }

    @Test
    void a_user_of_an_active_tenant_stays_signed_in() throws Exception {
        signedIn(7L, AppRoles.INSTALLER);
        when(tenants.isActive(7)).thenReturn(true);

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }

    @Test
    void temporary_installer_access_past_its_end_signs_the_installer_out() throws Exception {
        signedIn(7L, AppRoles.INSTALLER, new InstallerAccess(3, 11, "Oulu HQ", NOW));
        when(tenants.isActive(7)).thenReturn(true);
        when(grants.holds(7, 3)).thenReturn(true);

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void temporary_installer_access_an_admin_ended_signs_the_installer_out() throws Exception {
        signedIn(7L, AppRoles.INSTALLER, new InstallerAccess(3, 11, "Oulu HQ", NOW.plusSeconds(3600)));
        when(tenants.isActive(7)).thenReturn(true);
        when(grants.holds(7, 3)).thenReturn(false);

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void temporary_installer_access_that_holds_keeps_the_installer_signed_in() throws Exception {
        signedIn(7L, AppRoles.INSTALLER, new InstallerAccess(3, 11, "Oulu HQ", NOW.plusSeconds(3600)));
        when(tenants.isActive(7)).thenReturn(true);
        when(grants.holds(7, 3)).thenReturn(true);

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void an_operator_belongs_to_no_tenant_and_is_never_asked_about() throws Exception {
        signedIn(null, AppRoles.OPERATOR);

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
        verifyNoInteractions(tenants);
    }

    private void signedIn(@Nullable Long tenantId, String role) {
        signedIn(tenantId, role, null);
    }

    private void signedIn(@Nullable Long tenantId, String role, @Nullable InstallerAccess access) {
        request.setSession(session);
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        var token = OidcIdToken.withTokenValue("id-token")
                .subject("user-1")
                .issuer("http://idp.test")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        var user = new PortalUser(
                "user-1",
                "Aino",
                Set.of(role),
                tenantId,
                tenantId == null ? null : "acme",
                tenantId == null ? null : "Acme",
                access);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new OAuth2AuthenticationToken(new PortalOidcUser(authorities, token, null, user), authorities, "sso"));
        SecurityContextHolder.setContext(context);
    }
}
