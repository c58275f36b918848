package io.thingseeportal.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The API faults of {@link SimulatorFaults}, before anything else of a request (token check and rate limit included):
 * the configured latency, then, at the configured rate, a 500 or 503 in the standard error body. A call whose path
 * names a device ({@code /things/{tuid}/...}) uses that device's settings.
 */
final class FaultInterceptor implements HandlerInterceptor {

    private final SimulatorFaults faults;
    private final Sleeper sleeper;

    FaultInterceptor(SimulatorFaults faults, Sleeper sleeper) {
        this.faults = faults;
        this.sleeper = sleeper;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        FaultSettings settings = faults.effective(tuid(request));
        if (settings.apiLatencyMillis() > 0) {
            sleeper.sleep(settings.apiLatency());
        }
        if (faults.happens(settings.apiErrorRate())) {
            throw faults.happens(0.5)
                    ? SimulatorException.fault(HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable")
                    : SimulatorException.fault(HttpStatus.INTERNAL_SERVER_ERROR, "An internal server error occurred");
        }
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
