package io.thingseeportal.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** Turns a signed-in OpenID Connect user into a {@link PortalOidcUser}: roles become authorities, the tenant is found. */
@Component
class PortalOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ERROR_UNKNOWN_TENANT = "portal_unknown_tenant";
    static final String ERROR_TENANT_DISABLED = "portal_tenant_disabled";

    private final OidcUserService delegate = new OidcUserService();
    private final ClaimMapping mapping;
    private final SignInTenants tenants;

    PortalOidcUserService(OidcProperties properties, SignInTenants tenants) {
        this.mapping = new ClaimMapping(properties.roleClaim(), properties.tenantClaim());
        this.tenants = tenants;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        return toPortalUser(user);
    }

    PortalOidcUser toPortalUser(OidcUser user) {
        Set<String> roles = mapping.roles(user.getClaims());
        String slug = mapping.tenant(user.getClaims(), roles);
        SignInTenants.SignInTenant tenant = null;
        if (slug != null) {
            tenant = tenants.findForSignIn(slug).orElseThrow(() -> ClaimMapping.failure(ERROR_UNKNOWN_TENANT, slug));
            if (!tenant.active()) {
                throw ClaimMapping.failure(ERROR_TENANT_DISABLED, tenant.name());
            }
        }
        String name = user.getFullName() != null ? user.getFullName() : user.getName();
        PortalUser portalUser = new PortalUser(
                user.getSubject(),
                name,
                roles,
                tenant == null ? null : tenant.id(),
                tenant == null ? null : tenant.slug(),
                tenant == null ? null : tenant.name());
        var authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .collect(Collectors.toSet());
        return new PortalOidcUser(authorities, user.getIdToken(), user.getUserInfo(), portalUser);
    }
}
