package io.thingseeportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out, at their next request, a user whose tenant an operator has disabled since they signed in: the session
 * ends and the request goes on as nobody's, so that the page sends them to sign in again, where the sign-in problem
 * page says that their organisation has no access. Operators, who belong to no tenant, are not affected.
 */
class DisabledTenantSignOut extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DisabledTenantSignOut.class);

    private final ActiveTenants tenants;

    DisabledTenantSignOut(ActiveTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The strategy as set when the request runs (Vaadin sets its own at start-up).
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof PortalOidcUser user
                && user.portalUser().tenantId() != null
                && !tenants.isActive(user.portalUser().tenantId())) {
            log.info(
                    "Signed out {} ({}): their tenant {} is disabled",
                    user.portalUser().subject(),
                    user.portalUser().name(),
                    user.portalUser().tenantSlug());
            var signOut = new SecurityContextLogoutHandler();
            signOut.setSecurityContextHolderStrategy(contexts);
            signOut.logout(request, response, authentication);
        }
        chain.doFilter(request, response);
    }
}
