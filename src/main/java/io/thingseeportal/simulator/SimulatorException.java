package io.thingseeportal.simulator;

import org.springframework.http.HttpStatus;

/** An error the simulated cloud answers with, as {@link ErrorBody}. */
final class SimulatorException extends RuntimeException {

    private final HttpStatus status;
    private final long retryAfterSeconds;

    private SimulatorException(HttpStatus status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static SimulatorException badRequest(String message) {
        return new SimulatorException(HttpStatus.BAD_REQUEST, message, 0);
    }

    static SimulatorException unauthorized(String message) {
        return new SimulatorException(HttpStatus.UNAUTHORIZED, message, 0);
    }

    static SimulatorException forbidden(String message) {
        return new SimulatorException(HttpStatus.FORBIDDEN, message, 0);
    }

    static SimulatorException notFound(String message) {
        return new SimulatorException(HttpStatus.NOT_FOUND, message, 0);
    }

    static SimulatorException conflict(String message) {
        return new SimulatorException(HttpStatus.CONFLICT, message, 0);
    }

    static SimulatorException tooManyRequests(long retryAfterSeconds) {
        return new SimulatorException(
                HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded, retry later", retryAfterSeconds);
    }

    /** A 5xx the fault settings ask for. */
    static SimulatorException fault(HttpStatus status, String message) {
        return new SimulatorException(status, message, 0);
    }

    static SimulatorException unknownThing(String tuid) {
        return notFound("Thing " + tuid + " not found");
    }

    HttpStatus status() {
        return status;
    }

    /** Seconds for {@code Retry-After}; 0 when the answer has none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
