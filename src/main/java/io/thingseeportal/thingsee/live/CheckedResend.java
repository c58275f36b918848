package io.thingseeportal.thingsee.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeProperties;
import io.thingseeportal.thingsee.ThingseeStack;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a change that may be repeated, but not blindly: after a failure whose outcome is unknown (no answer in time,
 * a broken connection, a gateway's 502 or 504) it first asks Thingsee whether the earlier attempt took effect, and
 * sends again only if it did not. Setting an installation status is such a change: each POST adds an entry to the
 * device's history. Failures that say the change was not made (429, 503) are retried as any safe call is.
 */
final class CheckedResend {

    private CheckedResend() {}

    /**
     * @param call the change, sent without retries of its own
     * @param answer reads Thingsee's answer
     * @param arrived asks Thingsee whether the change took effect, with what it says then
     */
    static <T> T send(
            ThingseeHttp http,
            ThingseeStack stack,
            ThingseeCall call,
            Function<JsonNode, T> answer,
            Supplier<Optional<T>> arrived) {
        ThingseeProperties.Retry settings = http.retrySettings();
        for (long retries = 0; ; retries++) {
            try {
                return answer.apply(http.send(stack, call));
            } catch (ThingseeException failure) {
                if (!ThingseeHttp.worthRetrying(failure) || retries + 1 >= settings.maxAttempts()) {
                    throw failure;
                }
                pause(ThingseeHttp.backoff(retries, failure, settings), failure);
                if (outcomeUnknown(failure)) {
                    Optional<T> done = arrived.get();
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
            }
        }
    }

    private static boolean outcomeUnknown(ThingseeException failure) {
        int status = failure.status();
        return failure instanceof ThingseeException.Unavailable && (status == 0 || status == 502 || status == 504);
    }

    /**
     * Waits out the backoff on the caller's thread: every {@code ThingseeClient} call blocks until Thingsee answers or
     * the retries are spent (views call it in the background), and this is the wait between two attempts, not a wait
     * for a condition. Interrupted, it gives up with the failure it was about to retry.
     */
    private static void pause(Duration backoff, ThingseeException failure) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
