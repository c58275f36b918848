package io.thingseeportal.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user, for services that scope their work to the user's tenant. */
@Component
public class CurrentUser {

    /** The signed-in user, if any. */
    public Optional<PortalUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalOidcUser user) {
            return Optional.of(user.portalUser());
        }
        return Optional.empty();
    }

    /** The signed-in user; denies access when nobody is signed in. */
    public PortalUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
    }

    /** The tenant every query of the signed-in user is scoped to; denies access to users without one. */
    public long tenantId() {
        Long tenantId = require().tenantId();
        if (tenantId == null) {
            throw new AccessDeniedException("The signed-in user acts for no tenant");
        }
        return tenantId;
    }
}
