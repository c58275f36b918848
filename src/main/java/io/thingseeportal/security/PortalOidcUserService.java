package io.thingseeportal.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a signed-in OpenID Connect user into a {@link PortalOidcUser}. Through the operators' provider only the
 * {@link AppRoles#OPERATOR} role counts; through a tenant's provider the user belongs to that tenant, may need an
 * e-mail address of an allowed domain, and gets the roles the tenant's mapping gives. Everyone who reaches a tenant is
 * remembered as seen, with or without a role.
 */
@Component
class PortalOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ERROR_UNKNOWN_TENANT = "portal_unknown_tenant";
    static final String ERROR_TENANT_DISABLED = "portal_tenant_disabled";
    static final String ERROR_NOT_OPERATOR = "portal_not_operator";
    static final String ERROR_EMAIL_DOMAIN = "portal_email_domain";
    /** Signed in, but no role: the "no access" page, which names the organisation's admin. */
    static final String ERROR_NO_ROLE = "portal_no_role";

    private final OidcUserService delegate = new OidcUserService();
    private final OidcProperties operators;
    private final SignInTenants tenants;

    PortalOidcUserService(OidcProperties operators, SignInTenants tenants) {
        this.operators = operators;
        this.tenants = tenants;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        return toPortalUser(request.getClientRegistration().getRegistrationId(), user);
    }

    PortalOidcUser toPortalUser(String registrationId, OidcUser user) {
        if (operators.registrationId().equals(registrationId)) {
            return operator(user);
        }
        return tenantUser(registrationId, user);
    }

    private PortalOidcUser operator(OidcUser user) {
        Set<String> roles =
                RoleMapping.ROLE_NAMES.roles(user.getClaims().get(operators.roleClaim()), Set.of(AppRoles.OPERATOR));
        if (roles.isEmpty()) {
            throw new PortalSignInException(ERROR_NOT_OPERATOR, operators.displayName());
        }
        return portalUser(user, roles, null);
    }

    private PortalOidcUser tenantUser(String slug, OidcUser user) {
        var tenant =
                tenants.findForSignIn(slug).orElseThrow(() -> new PortalSignInException(ERROR_UNKNOWN_TENANT, slug));
        if (!tenant.active()) {
            throw new PortalSignInException(ERROR_TENANT_DISABLED, tenant.name());
        }
        TenantIdentityProvider provider =
                tenants.identityProvider(slug).orElseThrow(() -> new PortalSignInException(ERROR_UNKNOWN_TENANT, slug));
        String email = user.getEmail();
        if (!provider.emailDomains().isEmpty()
                && (email == null || Boolean.FALSE.equals(user.getEmailVerified()) || !provider.allowsEmail(email))) {
            throw new PortalSignInException(ERROR_EMAIL_DOMAIN, email == null ? "" : email, tenant.name());
        }
        Set<String> roles =
                provider.roleMapping().roles(user.getClaims().get(provider.roleClaim()), RoleMapping.TENANT_ROLES);
        String role = roles.isEmpty() ? null : roles.iterator().next();
        tenants.recordSignIn(
                tenant.id(), new SignInTenants.SeenUser(user.getSubject(), displayName(user), email, role));
        if (roles.isEmpty()) {
            throw new PortalSignInException(
                    ERROR_NO_ROLE,
                    tenant.name(),
                    tenants.adminToAsk(tenant.id()).orElse(""));
        }
        return portalUser(user, roles, tenant);
    }

    private static PortalOidcUser portalUser(
            OidcUser user, Set<String> roles, SignInTenants.@Nullable SignInTenant tenant) {
        PortalUser portalUser = new PortalUser(
                user.getSubject(),
                displayName(user),
                roles,
                tenant == null ? null : tenant.id(),
                tenant == null ? null : tenant.slug(),
                tenant == null ? null : tenant.name());
        var authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .collect(Collectors.toSet());
        return new PortalOidcUser(authorities, user.getIdToken(), user.getUserInfo(), portalUser);
    }

    private static String displayName(OidcUser user) {
        if (user.getFullName() != null) {
            return user.getFullName();
        }
        return user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getName();
    }
}
