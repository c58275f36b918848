package io.thingseeportal.security;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The signed-in user, for services that scope their work to the user's tenant. It reads and sets the sign-in through
 * the application context's own {@link SecurityContextHolderStrategy}, the one its method security checks, and not
 * through the JVM-wide {@link SecurityContextHolder}: that one belongs to whichever context started last (Vaadin sets
 * it), and with several contexts in one JVM (the demo identity provider, test nodes) a sign-in set there would be
 * invisible to this context's checks.
 */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy security;

    @Autowired
    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> security) {
        this(security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
    }

    /** For code without an application context: the strategy its method security uses. */
    public CurrentUser(SecurityContextHolderStrategy security) {
        this.security = security;
    }

    /** The signed-in user, if any. */
    public Optional<PortalUser> get() {
        Authentication authentication = security.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalOidcUser user) {
            return Optional.of(user.portalUser());
        }
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /**
     * Runs work the portal does by itself (a scheduled job, or a person's request carried on in the background) as
     * {@code user} on this thread, then restores the thread's previous sign-in. Method security and tenant scoping
     * apply to it exactly as to a person with the user's roles and tenant. For background threads only: on a UI
     * thread the Vaadin session's sign-in wins.
     */
    public <T> T runAs(PortalUser user, Supplier<T> work) {
        SecurityContext previous = security.getContext();
        SecurityContext context = security.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                user.roles().stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList()));
        security.setContext(context);
        try {
            return work.get();
        } finally {
            security.setContext(previous);
        }
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
