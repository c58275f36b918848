package io.thingseeportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out, at their next request, a user whose access has lapsed since they signed in: their tenant an operator has
 * disabled, or their temporary installer access has ended (its day passed, or an admin ended it). The session ends and
 * the request goes on as nobody's, so that the page sends them to sign in again, where the sign-in problem page or the
 * "no access" page says why. Operators, who belong to no tenant, are not affected.
 */
class LapsedAccessSignOut extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LapsedAccessSignOut.class);

    private final ActiveTenants tenants;
    private final InstallerGrants grants;
    private final Clock clock;

    LapsedAccessSignOut(ActiveTenants tenants, InstallerGrants grants, Clock clock) {
        this.tenants = tenants;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The strategy as set when the request runs (Vaadin sets its own at start-up).
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof PortalOidcUser oidcUser
                && oidcUser.portalUser().tenantId() != null) {
            PortalUser user = oidcUser.portalUser();
            String lapsed = lapsed(user, java.util.Objects.requireNonNull(user.tenantId()));
            if (lapsed != null) {
                log.info("Signed out {} ({}) of tenant {}: {}", user.subject(), user.name(), user.tenantSlug(), lapsed);
                var signOut = new SecurityContextLogoutHandler();
                signOut.setSecurityContextHolderStrategy(contexts);
                signOut.logout(request, response, authentication);
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the user's access has lapsed, or null when it holds. */
    private @Nullable String lapsed(PortalUser user, long tenantId) {
        if (!tenants.isActive(tenantId)) {
            return "their tenant is disabled";
        }
        InstallerAccess access = user.installerAccess();
        if (access != null && (!access.holdsAt(clock.instant()) || !grants.holds(tenantId, access.grantId()))) {
            return "their installer access to " + access.siteName() + " has ended";
        }
        return null;
    }
}
