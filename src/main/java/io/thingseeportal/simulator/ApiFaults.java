package io.thingseeportal.simulator;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The API faults of one call to a stack: its configured latency, then, at its configured rate, a 500 or 503 in the
 * standard error body. One place for both ways in: {@link FaultInterceptor} for calls with a token, and
 * {@link AuthController} for the token call, which has none yet.
 */
final class ApiFaults {

    private final SimulatorFaults faults;
    private final Sleeper sleeper;

    ApiFaults(SimulatorFaults faults, Sleeper sleeper) {
        this.faults = faults;
        this.sleeper = sleeper;
    }

    /**
     * Waits and fails as the stack's settings say: those of the device the call names, else the stack's global ones.
     *
     * @throws SimulatorException a 500 or 503, at the configured rate
     */
    void apply(String stack, @Nullable String tuid) throws InterruptedException {
        StackFaults stackFaults = faults.of(stack);
        FaultSettings settings = stackFaults.effective(tuid);
        if (settings.apiLatencyMillis() > 0) {
            sleeper.sleep(settings.apiLatency());
        }
        if (stackFaults.happens(settings.apiErrorRate())) {
            throw stackFaults.happens(0.5)
                    ? SimulatorException.fault(HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable")
                    : SimulatorException.fault(HttpStatus.INTERNAL_SERVER_ERROR, "An internal server error occurred");
        }
    }
}
