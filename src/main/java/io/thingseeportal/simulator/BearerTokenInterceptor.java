package io.thingseeportal.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through only with a valid {@code Authorization: Bearer <token>} of a stack (else 401) and, on the
 * simulated API, within the rate limit of the token's stack (else 429); leaves the {@link Caller} in the request for
 * {@link FaultInterceptor}, which runs after it, and for the handlers.
 */
final class BearerTokenInterceptor implements HandlerInterceptor {

    private final Tokens tokens;
    private final @Nullable RateLimiter rateLimiter;

    private BearerTokenInterceptor(Tokens tokens, @Nullable RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
    }

    /** For the simulated API: a valid token within its stack's rate limit. */
    static BearerTokenInterceptor rateLimited(Tokens tokens, RateLimiter rateLimiter) {
        return new BearerTokenInterceptor(tokens, rateLimiter);
    }

    /** For the control API: a valid token, never rate limited, so that a cloud throttled on purpose can be healed. */
    static BearerTokenInterceptor unlimited(Tokens tokens) {
        return new BearerTokenInterceptor(tokens, null);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = Tokens.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        var caller = tokens.verify(token);
        if (rateLimiter != null) {
            rateLimiter.acquire(token, caller.stack());
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return true;
    }
}
