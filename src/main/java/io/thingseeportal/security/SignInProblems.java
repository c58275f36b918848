package io.thingseeportal.security;

import com.vaadin.flow.server.WrappedSession;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** Why the last sign-in failed, as Spring Security left it in the session, in terms the sign-in pages can show. */
public final class SignInProblems {

    /**
     * @param code a message key suffix: one of the portal's own problems, {@code provider} for anything the identity
     *     provider or the protocol reported, {@code unreachable}, {@code unusable} or {@code unknown_organisation}
     * @param details what the explanation names, in order: an organisation, an address, an admin, a provider's error
     */
    public record Problem(String code, List<String> details) {

        public Problem(String code, String... details) {
            this(code, List.of(details));
        }

        /** Whether the user signed in but has no role: the "no access" page rather than a sign-in problem. */
        public boolean isNoAccess() {
            return PortalOidcUserService.ERROR_NO_ROLE.equals(code);
        }

        /** The details as message arguments. */
        public Object[] arguments() {
            return details.toArray();
        }
    }

    static final String UNREACHABLE = "unreachable";
    static final String UNKNOWN_ORGANISATION = "unknown_organisation";
    static final String UNUSABLE = "unusable";

    private SignInProblems() {}

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Reads and forgets the last problem, so that a reload does not show it again. */
    public static Optional<Problem> takeLastProblem(WrappedSession session) {
        Object last = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return Optional.ofNullable(last instanceof Throwable failure ? problem(failure) : null);
    }

    static @Nullable Problem problem(Throwable failure) {
        if (failure instanceof PortalSignInException portal) {
            return new Problem(portal.getError().getErrorCode(), portal.details());
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            return new Problem("provider", oauth.getError().getErrorCode());
        }
        IdentityProviderUnavailableException unreachable = cause(failure, IdentityProviderUnavailableException.class);
        if (unreachable != null) {
            return new Problem(UNREACHABLE, unreachable.issuer().toString());
        }
        IdentityProviderUnusableException unusable = cause(failure, IdentityProviderUnusableException.class);
        if (unusable != null) {
            return new Problem(UNUSABLE, unusable.organisation());
        }
        // Spring Security's resolver refuses a registration id it cannot find with an IllegalArgumentException.
        if (cause(failure, IllegalArgumentException.class) != null) {
            return new Problem(UNKNOWN_ORGANISATION);
        }
        if (failure instanceof AuthenticationException other) {
            return new Problem("provider", other.getClass().getSimpleName());
        }
        return null;
    }
}
