package io.thingseeportal.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
 * remembered as seen, with or without a role. A person whose mapping makes them neither admin nor installer becomes an
 * installer for one site while an admin's temporary {@link InstallerAccess} holds. Each outcome is published as a
 * {@link SignInAttempt}.
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
    private final InstallerGrants grants;
    private final ApplicationEventPublisher events;

    PortalOidcUserService(
            OidcProperties operators, SignInTenants tenants, InstallerGrants grants, ApplicationEventPublisher events) {
        this.operators = operators;
        this.tenants = tenants;
        this.grants = grants;
        this.events = events;
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
            throw refused(user, null, ERROR_NOT_OPERATOR, operators.displayName());
        }
        return portalUser(user, roles, null, null, null);
    }

    private PortalOidcUser tenantUser(String slug, OidcUser user) {
        var tenant = tenants.findForSignIn(slug).orElseThrow(() -> refused(user, null, ERROR_UNKNOWN_TENANT, slug));
        if (!tenant.active()) {
            throw refused(user, tenant.id(), ERROR_TENANT_DISABLED, tenant.name());
        }
        TenantIdentityProvider provider = tenants.identityProvider(slug)
                .orElseThrow(() -> refused(user, tenant.id(), ERROR_UNKNOWN_TENANT, slug));
        String email = user.getEmail();
        if (!provider.emailDomains().isEmpty()
                && (email == null || Boolean.FALSE.equals(user.getEmailVerified()) || !provider.allowsEmail(email))) {
            throw refused(user, tenant.id(), ERROR_EMAIL_DOMAIN, email == null ? "" : email, tenant.name());
        }
        Set<String> roles =
                provider.roleMapping().roles(user.getClaims().get(provider.roleClaim()), RoleMapping.TENANT_ROLES);
        String role = roles.isEmpty() ? null : roles.iterator().next();
        String roleChange = tenants.recordSignIn(
                        tenant.id(), new SignInTenants.SeenUser(user.getSubject(), displayName(user), email, role))
                .filter(before -> !before.equals(role == null ? "" : role))
                .map(before -> (before.isEmpty() ? "none" : before) + " -> " + (role == null ? "none" : role))
                .orElse(null);
        InstallerAccess access = null;
        if (!roles.contains(AppRoles.ADMIN) && !roles.contains(AppRoles.INSTALLER)) {
            access = grants.activeFor(tenant.id(), user.getSubject()).orElse(null);
            if (access != null) {
                roles = new java.util.HashSet<>(roles);
                roles.add(AppRoles.INSTALLER);
            }
        }
        if (roles.isEmpty()) {
            events.publishEvent(new SignInAttempt(
                    user.getSubject(), displayName(user), tenant.id(), null, ERROR_NO_ROLE, roleChange));
            throw new PortalSignInException(
                    ERROR_NO_ROLE,
                    tenant.name(),
                    tenants.adminToAsk(tenant.id()).orElse(""));
        }
        return portalUser(user, roles, tenant, access, roleChange);
    }

    private PortalSignInException refused(OidcUser user, @Nullable Long tenantId, String code, String... details) {
        events.publishEvent(new SignInAttempt(user.getSubject(), displayName(user), tenantId, null, code, null));
        return new PortalSignInException(code, details);
    }

    private PortalOidcUser portalUser(
            OidcUser user,
            Set<String> roles,
            SignInTenants.@Nullable SignInTenant tenant,
            @Nullable InstallerAccess access,
            @Nullable String roleChange) {
        PortalUser portalUser = new PortalUser(
                user.getSubject(),
                displayName(user),
                roles,
                tenant == null ? null : tenant.id(),
                tenant == null ? null : tenant.slug(),
                tenant == null ? null : tenant.name(),
                access);
        events.publishEvent(new SignInAttempt(
                portalUser.subject(),
                portalUser.name(),
                portalUser.tenantId(),
                portalUser.primaryRole(),
                null,
                roleChange));
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
