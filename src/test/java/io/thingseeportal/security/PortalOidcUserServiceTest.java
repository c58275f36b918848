package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** Who a user signed in at a provider becomes in the portal: their tenant comes from the provider they used. */
class PortalOidcUserServiceTest {

    private static final SignInTenants.SignInTenant ACME = new SignInTenants.SignInTenant(7, "acme", "Acme Facilities");

    private final SignInTenants tenants = mock(SignInTenants.class);
    private final InstallerGrants grants = mock(InstallerGrants.class);
    private final List<Object> published = new java.util.ArrayList<>();
    private final PortalOidcUserService service =
            new PortalOidcUserService(properties(), tenants, grants, published::add);

    @BeforeEach
    void acmeSignsInWithGroups() {
        when(tenants.findForSignIn("acme")).thenReturn(Optional.of(ACME));
        when(tenants.identityProvider("acme")).thenReturn(Optional.of(provider(Set.of())));
    }

    @Test
    void a_user_of_a_tenants_provider_belongs_to_that_tenant_with_the_roles_its_mapping_gives() {
        PortalOidcUser user =
                service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("staff", "portal-admins"))));

        assertThat(user.portalUser().tenantId()).isEqualTo(7L);
        assertThat(user.portalUser().tenantSlug()).isEqualTo("acme");
        assertThat(user.portalUser().tenantName()).isEqualTo("Acme Facilities");
        assertThat(user.portalUser().name()).isEqualTo("Aino Virtanen");
        assertThat(user.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void a_person_without_a_role_but_with_temporary_installer_access_becomes_an_installer_for_that_site() {
        var access = new InstallerAccess(3, 11, "Oulu HQ", Instant.now().plusSeconds(3600));
        when(grants.activeFor(7, "user-1")).thenReturn(Optional.of(access));

        PortalOidcUser user = service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("staff"))));

        assertThat(user.portalUser().roles()).containsExactly(AppRoles.INSTALLER);
        assertThat(user.portalUser().installerAccess()).isEqualTo(access);
        assertThat(user.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_INSTALLER");
    }

    @Test
    void a_viewer_with_temporary_installer_access_is_also_an_installer_and_an_admin_is_not_limited_by_it() {
        var access = new InstallerAccess(3, 11, "Oulu HQ", Instant.now().plusSeconds(3600));
        when(grants.activeFor(7, "user-1")).thenReturn(Optional.of(access));

        PortalUser viewer = service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-viewers"))))
                .portalUser();
        PortalUser admin = service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-admins"))))
                .portalUser();

        assertThat(viewer.roles()).containsExactlyInAnyOrder(AppRoles.VIEWER, AppRoles.INSTALLER);
        assertThat(viewer.installerAccess()).isEqualTo(access);
        assertThat(admin.roles()).containsExactly(AppRoles.ADMIN);
        assertThat(admin.installerAccess()).isNull();
    }

    @Test
    void each_sign_in_and_each_refusal_is_published_for_the_audit_log() {
        service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-admins"))));
        assertThatThrownBy(() -> service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("staff")))))
                .isInstanceOf(PortalSignInException.class);

        assertThat(published)
                .containsExactly(
                        new SignInAttempt("user-1", "Aino Virtanen", 7L, AppRoles.ADMIN, null, null),
                        new SignInAttempt(
                                "user-1", "Aino Virtanen", 7L, null, PortalOidcUserService.ERROR_NO_ROLE, null));
    }

    @Test
    void a_role_the_provider_gives_other_than_at_the_previous_sign_in_is_published_as_a_change() {
        when(tenants.recordSignIn(eq(7L), any())).thenReturn(Optional.of(AppRoles.VIEWER), Optional.of(""));

        service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-admins"))));
        service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-admins"))));

        assertThat(published)
                .extracting(attempt -> ((SignInAttempt) attempt).roleChange())
                .containsExactly("VIEWER -> ADMIN", "none -> ADMIN");
    }

    @Test
    void temporary_installer_access_is_no_change_of_the_role_the_provider_gives() {
        when(tenants.recordSignIn(eq(7L), any())).thenReturn(Optional.of(""));
        when(grants.activeFor(7, "user-1"))
                .thenReturn(Optional.of(
                        new InstallerAccess(3, 11, "Oulu HQ", Instant.now().plusSeconds(60))));

        service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("staff"))));

        assertThat(published)
                .singleElement()
                .isEqualTo(new SignInAttempt("user-1", "Aino Virtanen", 7L, AppRoles.INSTALLER, null, null));
    }

    @Test
    void a_tenant_claim_in_the_token_does_not_move_the_user_to_another_tenant() {
        PortalOidcUser user = service.toPortalUser(
                "acme", oidcUser(Map.of("groups", List.of("portal-viewers"), "tenant", "borealis")));

        assertThat(user.portalUser().tenantSlug()).isEqualTo("acme");
    }

    @Test
    void a_tenants_provider_cannot_make_anyone_an_operator() {
        when(tenants.identityProvider("acme"))
                .thenReturn(Optional.of(new TenantIdentityProvider(
                        URI.create("http://idp.test"),
                        "acme-portal",
                        "secret",
                        List.of("openid"),
                        "roles",
                        RoleMapping.ROLE_NAMES,
                        Set.of())));

        assertThatThrownBy(() -> service.toPortalUser("acme", oidcUser(Map.of("roles", List.of("OPERATOR")))))
                .isInstanceOfSatisfying(
                        PortalSignInException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_NO_ROLE));
    }

    @Test
    void a_user_without_a_role_is_remembered_and_refused_naming_the_organisation_and_its_admin() {
        when(tenants.adminToAsk(7)).thenReturn(Optional.of("Aino Virtanen (aino@acme.example)"));

        assertThatThrownBy(() -> service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("staff")))))
                .isInstanceOfSatisfying(PortalSignInException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_NO_ROLE);
                    assertThat(e.details()).containsExactly("Acme Facilities", "Aino Virtanen (aino@acme.example)");
                });
        verify(tenants)
                .recordSignIn(
                        7, new SignInTenants.SeenUser("user-1", "Aino Virtanen", "aino.virtanen@acme.example", null));
    }

    @Test
    void a_user_who_signs_in_is_remembered_with_their_most_powerful_role() {
        service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-viewers", "portal-admins"))));

        verify(tenants)
                .recordSignIn(
                        7,
                        new SignInTenants.SeenUser(
                                "user-1", "Aino Virtanen", "aino.virtanen@acme.example", AppRoles.ADMIN));
    }

    @Test
    void an_address_outside_the_tenants_email_domains_is_refused_naming_it() {
        when(tenants.identityProvider("acme")).thenReturn(Optional.of(provider(Set.of("acme.fi"))));

        assertThatThrownBy(() -> service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-admins")))))
                .isInstanceOfSatisfying(PortalSignInException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_EMAIL_DOMAIN);
                    assertThat(e.details()).containsExactly("aino.virtanen@acme.example", "Acme Facilities");
                });
        verify(tenants, never()).recordSignIn(anyLong(), any());
    }

    @Test
    void an_address_the_provider_did_not_verify_is_refused_when_domains_are_required() {
        when(tenants.identityProvider("acme")).thenReturn(Optional.of(provider(Set.of("acme.example"))));

        assertThatThrownBy(() -> service.toPortalUser(
                        "acme", oidcUser(Map.of("groups", List.of("portal-admins"), "email_verified", false))))
                .isInstanceOfSatisfying(
                        PortalSignInException.class,
                        e -> assertThat(e.getError().getErrorCode())
                                .isEqualTo(PortalOidcUserService.ERROR_EMAIL_DOMAIN));
    }

    @Test
    void an_address_in_an_allowed_domain_signs_in() {
        when(tenants.identityProvider("acme")).thenReturn(Optional.of(provider(Set.of("acme.example"))));

        PortalOidcUser user = service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-admins"))));

        assertThat(user.portalUser().primaryRole()).isEqualTo(AppRoles.ADMIN);
    }

    @Test
    void a_tenant_the_portal_does_not_know_is_refused_naming_it() {
        when(tenants.findForSignIn("umbrella")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.toPortalUser("umbrella", oidcUser(Map.of("roles", "VIEWER"))))
                .isInstanceOfSatisfying(PortalSignInException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_UNKNOWN_TENANT);
                    assertThat(e.details()).containsExactly("umbrella");
                });
    }

    @Test
    void a_user_of_a_disabled_tenant_is_refused_naming_the_organisation() {
        when(tenants.findForSignIn("acme"))
                .thenReturn(Optional.of(new SignInTenants.SignInTenant(7, "acme", "Acme Facilities", false)));

        assertThatThrownBy(() -> service.toPortalUser("acme", oidcUser(Map.of("groups", List.of("portal-admins")))))
                .isInstanceOfSatisfying(PortalSignInException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_TENANT_DISABLED);
                    assertThat(e.details()).containsExactly("Acme Facilities");
                });
    }

    @Test
    void the_operator_signs_in_through_the_operators_provider_without_a_tenant() {
        PortalOidcUser user = service.toPortalUser("sso", oidcUser(Map.of("roles", List.of("OPERATOR"))));

        assertThat(user.portalUser().tenantId()).isNull();
        assertThat(user.portalUser().primaryRole()).isEqualTo(AppRoles.OPERATOR);
    }

    @Test
    void the_operators_provider_gives_no_tenant_role_even_with_a_tenant_claim() {
        assertThatThrownBy(() ->
                        service.toPortalUser("sso", oidcUser(Map.of("roles", List.of("ADMIN"), "tenant", "acme"))))
                .isInstanceOfSatisfying(PortalSignInException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(PortalOidcUserService.ERROR_NOT_OPERATOR);
                    assertThat(e.details()).containsExactly("Portal operators");
                });
        verify(tenants, never()).findForSignIn(eq("acme"));
    }

    private static TenantIdentityProvider provider(Set<String> emailDomains) {
        return new TenantIdentityProvider(
                URI.create("http://idp.test"),
                "acme-portal",
                "secret",
                List.of("openid"),
                "groups",
                RoleMapping.parse("portal-admins=ADMIN\nportal-viewers=VIEWER"),
                emailDomains);
    }

    private static DefaultOidcUser oidcUser(Map<String, Object> claims) {
        var token = OidcIdToken.withTokenValue("id-token")
                .subject("user-1")
                .issuer("http://idp.test")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("name", "Aino Virtanen")
                .claim("email", "aino.virtanen@acme.example")
                .claims(all -> all.putAll(claims))
                .build();
        return new DefaultOidcUser(List.of(), token);
    }

    private static OidcProperties properties() {
        return TestOidc.settings("sso", URI.create("http://idp.test"));
    }
}
