package io.thingseeportal.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The API faults of the caller's stack ({@link ApiFaults}), after the token check and the rate limit of
 * {@link BearerTokenInterceptor} (which tell whose stack it is) and before the handler. A call whose path names a
 * device ({@code /things/{tuid}/...}) uses that device's settings. The token call has its faults from
 * {@link AuthController}.
 */
final class FaultInterceptor implements HandlerInterceptor {

    private final ApiFaults faults;

    FaultInterceptor(ApiFaults faults) {
        this.faults = faults;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            throw new IllegalStateException("The bearer token is checked before the faults: no caller in the request");
        }
        faults.apply(caller.stack(), tuid(request));
        return true;
    }

    private static @Nullable String tuid(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("tuid") instanceof String tuid) {
            return tuid;
        }
        return null;
    }
}
