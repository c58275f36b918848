package io.thingseeportal.security;

import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** Why the last sign-in failed, as Spring Security left it in the session, in terms the sign-in page can show. */
public final class SignInProblems {

    private static final Set<String> KNOWN = Set.of(
            ClaimMapping.ERROR_NO_ROLE,
            ClaimMapping.ERROR_NO_TENANT,
            PortalOidcUserService.ERROR_UNKNOWN_TENANT,
            PortalOidcUserService.ERROR_TENANT_DISABLED);

    /**
     * @param code a message key suffix: one of the portal's own problems, or {@code provider} for anything the
     *     identity provider or the protocol reported
     * @param detail the claim or tenant the problem is about, or the provider's error code
     */
    public record Problem(String code, String detail) {}

    static final String UNREACHABLE = "unreachable";

    private SignInProblems() {}

    private static @Nullable Throwable unreachableProvider(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IdentityProviderUnavailableException) {
                return cause;
            }
        }
        return null;
    }

    /** Reads and forgets the last problem, so that a reload does not show it again. */
    public static Optional<Problem> takeLastProblem(WrappedSession session) {
        Object last = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            String detail = oauth.getError().getDescription();
            return Optional.of(
                    KNOWN.contains(code)
                            ? new Problem(code, detail == null ? "" : detail)
                            : new Problem("provider", code));
        }
        if (last instanceof Throwable failure
                && unreachableProvider(failure) instanceof IdentityProviderUnavailableException e) {
            return Optional.of(new Problem(UNREACHABLE, e.issuer().toString()));
        }
        if (last instanceof AuthenticationException other) {
            return Optional.of(new Problem("provider", other.getClass().getSimpleName()));
        }
        return Optional.empty();
    }
}
