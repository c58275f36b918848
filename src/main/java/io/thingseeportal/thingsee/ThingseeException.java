package io.thingseeportal.thingsee;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A call to the Thingsee API failed. The subclass says how; each carries the HTTP status (0 when no response came),
 * the reason phrase and the API's own message, for logs and for the user. Never a secret or a token.
 */
public abstract sealed class ThingseeException extends RuntimeException {

    private final int status;
    private final String reason;
    private final String apiMessage;

    ThingseeException(int status, String reason, String apiMessage, @Nullable Throwable cause) {
        super(status == 0 ? reason + ": " + apiMessage : status + " " + reason + ": " + apiMessage, cause);
        this.status = status;
        this.reason = reason;
        this.apiMessage = apiMessage;
    }

    /** The HTTP status, or 0 when Thingsee gave no response (connection failure, timeout). */
    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** The API's own message, as it said it; empty when it said nothing. */
    public String apiMessage() {
        return apiMessage;
    }

    /** The tenant's API credentials were refused (401 or 403 even after signing in again). */
    public static final class BadCredentials extends ThingseeException {
        public BadCredentials(int status, String reason, String apiMessage) {
            super(status, reason, apiMessage, null);
        }
    }

    /** The device or group is not in the tenant's Thingsee stack (404). */
    public static final class NotFound extends ThingseeException {
        public NotFound(int status, String reason, String apiMessage) {
            super(status, reason, apiMessage, null);
        }
    }

    /** The change conflicts with what exists, for example a group id already taken (409). */
    public static final class Conflict extends ThingseeException {
        public Conflict(int status, String reason, String apiMessage) {
            super(status, reason, apiMessage, null);
        }
    }

    /** Thingsee refused the request as invalid (400 and other 4xx). */
    public static final class InvalidRequest extends ThingseeException {
        public InvalidRequest(int status, String reason, String apiMessage) {
            super(status, reason, apiMessage, null);
        }
    }

    /** Too many requests (429); {@link #retryAfter()} says when to try again, if Thingsee said. */
    public static final class RateLimited extends ThingseeException {
        private final @Nullable Duration retryAfter;

        public RateLimited(int status, String reason, String apiMessage, @Nullable Duration retryAfter) {
            super(status, reason, apiMessage, null);
            this.retryAfter = retryAfter;
        }

        public @Nullable Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Thingsee could not be reached or failed (5xx, connection error, timeout). */
    public static final class Unavailable extends ThingseeException {
        public Unavailable(int status, String reason, String apiMessage, @Nullable Throwable cause) {
            super(status, reason, apiMessage, cause);
        }
    }
}
