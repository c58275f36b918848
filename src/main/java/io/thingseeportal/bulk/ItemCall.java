package io.thingseeportal.bulk;

import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.thingsee.ThingseeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one item's handler as the job's submitter within the call deadline, and says what is to become of the item:
 * an outcome, or another try later (a rate limit, which does not count as a try; an unavailable Thingsee, a bounded
 * number of times, waiting twice as long each time).
 */
final class ItemCall {

    private static final Logger log = LoggerFactory.getLogger(ItemCall.class);

    private final CurrentUser currentUser;
    private final BulkProperties properties;
    private final ExecutorService calls;

    ItemCall(CurrentUser currentUser, BulkProperties properties, ExecutorService calls) {
        this.currentUser = currentUser;
        this.properties = properties;
        this.calls = calls;
    }

    /**
     * What running the item came to.
     *
     * @param outcome the item's outcome, or null to run it again after {@code retryIn}
     * @param rateLimited Thingsee said the tenant calls too often: the attempt does not count, the tenant waits
     */
    record Result(@Nullable ItemOutcome outcome, Duration retryIn, boolean rateLimited, String message) {

        static Result of(ItemOutcome outcome) {
            return new Result(outcome, Duration.ZERO, false, outcome.message());
        }
    }

    Result run(BulkHandler handler, BulkItemContext item, CallSlot slot) {
        Future<ItemOutcome> call = calls.submit(() -> currentUser.runAs(item.user(), () -> handler.run(item, slot)));
        try {
            return Result.of(call.get(properties.callDeadline().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException late) {
            call.cancel(true);
            log.info("Bulk job {} item {}: no outcome within {}", item.jobId(), item.key(), properties.callDeadline());
            return Result.of(ItemOutcome.failed(
                    ItemOutcome.DEADLINE, "No outcome within " + seconds(properties.callDeadline()) + " s"));
        } catch (InterruptedException stopping) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Result(null, Duration.ZERO, true, "The node stopped");
        } catch (ExecutionException e) {
            return failure(item, e.getCause() == null ? e : e.getCause());
        }
    }

    private Result failure(BulkItemContext item, Throwable failure) {
        if (failure instanceof ThingseeException.RateLimited limited) {
            Duration wait = limited.retryAfter() == null ? properties.rateLimitBackoff() : limited.retryAfter();
            return new Result(null, wait, true, limited.getMessage());
        }
        if (failure instanceof ThingseeException.Unavailable unavailable
                && item.attempt() <= properties.maxTransientRetries()) {
            Duration wait = properties.transientBackoff().multipliedBy(1L << Math.min(20, item.attempt() - 1));
            return new Result(null, wait, false, apiMessage(unavailable));
        }
        if (failure instanceof ThingseeException thingsee) {
            log.info("Bulk job {} item {}: {}", item.jobId(), item.key(), thingsee.getMessage());
            return Result.of(ItemOutcome.failed(ItemOutcome.THINGSEE, apiMessage(thingsee)));
        }
        log.warn("Bulk job {} item {} failed", item.jobId(), item.key(), failure);
        return Result.of(ItemOutcome.failed(ItemOutcome.ERROR, ""));
    }

    private static String apiMessage(ThingseeException e) {
        return e.apiMessage().isBlank() ? e.getMessage() : e.apiMessage();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? String.valueOf(duration.toSeconds())
                : String.valueOf(duration.toMillis() / 1000.0);
    }
}
