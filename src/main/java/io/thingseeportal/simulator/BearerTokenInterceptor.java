package io.thingseeportal.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request reach the simulated API only with a valid {@code Authorization: Bearer <token>} (else 401) and within
 * the token's rate limit (else 429); leaves the {@link Caller} in the request for the handlers.
 */
final class BearerTokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final Tokens tokens;
    private final RateLimiter rateLimiter;

    BearerTokenInterceptor(Tokens tokens, RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw SimulatorException.unauthorized("Missing authentication");
        }
        String token = authorization.substring(BEARER.length()).trim();
        var caller = tokens.verify(token);
        rateLimiter.acquire(token);
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return true;
    }
}
