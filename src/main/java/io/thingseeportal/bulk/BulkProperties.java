package io.thingseeportal.bulk;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulk-work engine ({@code portal.bulk.*}). Limits are per node: with N nodes a tenant gets up to N times the
 * concurrency and the rate.
 *
 * @param workerThreads items one node runs at the same time, over all tenants
 * @param tenantConcurrency Thingsee calls of one tenant's items one node makes at the same time; the node runs up to
 *     twice as many of the tenant's items, the others getting ready for their calls or recording them
 * @param ratePerSecond Thingsee calls (items) per second one node starts for one tenant, on average
 * @param burst items one node may start for one tenant at once after a quiet spell (the token bucket's size)
 * @param callDeadline the time one item may take overall; past it the item fails with a message saying so
 * @param lease how long a node's claim of an item holds without renewal (the node renews it every quarter lease while
 *     the item runs); after it another node may run the item again (it must be longer than the call deadline)
 * @param pollInterval how often each node looks for items to run
 * @param rateLimitBackoff how long a tenant waits after a 429 that says nothing of when to try again
 * @param maxTransientRetries times an item is tried again when Thingsee is unavailable before it fails
 * @param transientBackoff the wait before the first such retry; it doubles for each further one
 * @param abortPercent a job stops by itself when more than this share of its finished items failed (100: never)
 * @param abortMinItems finished items a job needs before it may stop by itself, so that one early failure does not
 *     stop it
 * @param jobHistory how long finished jobs and their items are kept (the rollout pages and group reports read them);
 *     their commands and the group history stay
 */
@Validated
@ConfigurationProperties("portal.bulk")
public record BulkProperties(
        @DefaultValue("8") @Min(1) @Max(256) int workerThreads,
        @DefaultValue("8") @Min(1) @Max(256) int tenantConcurrency,
        @DefaultValue("10") @Min(1) @Max(10_000) double ratePerSecond,
        @DefaultValue("20") @Min(1) @Max(10_000) int burst,

        @DefaultValue("30s") @NotNull @DurationMin(millis = 10)
        Duration callDeadline,

        @DefaultValue("2m") @NotNull @DurationMin(millis = 20)
        Duration lease,

        @DefaultValue("500ms") @NotNull @DurationMin(millis = 1)
        Duration pollInterval,

        @DefaultValue("5s") @NotNull @DurationMin(millis = 0)
        Duration rateLimitBackoff,

        @DefaultValue("2") @Min(0) @Max(10) int maxTransientRetries,

        @DefaultValue("2s") @NotNull @DurationMin(millis = 0)
        Duration transientBackoff,

        @DefaultValue("50") @Min(0) @Max(100) int abortPercent,
        @DefaultValue("10") @Min(1) int abortMinItems,

        @DefaultValue("90d") @NotNull @DurationMin(hours = 1)
        Duration jobHistory) {

    /** A lease shorter than a call would let another node run an item that is still running. */
    @AssertTrue(message = "portal.bulk.lease must be longer than portal.bulk.call-deadline")
    public boolean isLeaseLongerThanDeadline() {
        return lease == null || callDeadline == null || lease.compareTo(callDeadline) > 0;
    }
}
