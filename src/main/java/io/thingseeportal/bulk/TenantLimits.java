package io.thingseeportal.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * One node's limits per tenant, shared by its workers: at most {@code tenantConcurrency} Thingsee calls of a tenant at
 * once ({@link #slot}), and twice as many of its items running, so that items get ready for their calls and record
 * them while others wait for Thingsee; items start no faster than the tenant's token bucket allows. A 429 holds the
 * tenant's bucket for the time Thingsee asked.
 */
final class TenantLimits {

    private final BulkProperties properties;
    private final Clock clock;
    private final Map<Long, TokenBucket> buckets = new HashMap<>();
    private final Map<Long, Integer> running = new HashMap<>();
    private final Map<Long, CallSlot> slots = new HashMap<>();

    TenantLimits(BulkProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Items of one tenant a node runs at once: those in a call, and as many getting ready or recording. */
    int itemsPerTenant() {
        return 2 * properties.tenantConcurrency();
    }

    /** Reserves up to {@code wanted} items of the tenant: a place and a token each. Returns how many it reserved. */
    synchronized int reserve(long tenantId, int wanted) {
        int free = itemsPerTenant() - running.getOrDefault(tenantId, 0);
        int granted = bucket(tenantId).take(Math.min(wanted, free));
        running.merge(tenantId, granted, Integer::sum);
        return granted;
    }

    /** Gives back reserved items that were not claimed after all: their slots and tokens. */
    synchronized void unused(long tenantId, int count) {
        if (count > 0) {
            bucket(tenantId).giveBack(count);
            release(tenantId, count);
        }
    }

    /** An item of the tenant has finished running. */
    synchronized void finished(long tenantId) {
        release(tenantId, 1);
    }

    /** Thingsee said the tenant makes too many calls: none start until {@code wait} has passed. */
    synchronized void rateLimited(long tenantId, Duration wait) {
        bucket(tenantId).hold(wait);
    }

    /** The tenant's Thingsee calls, at most {@code tenantConcurrency} at once. */
    synchronized CallSlot slot(long tenantId) {
        return slots.computeIfAbsent(
                tenantId, tenant -> new CallSlot(new Semaphore(properties.tenantConcurrency(), true)));
    }

    synchronized Instant heldUntil(long tenantId) {
        return bucket(tenantId).heldUntil();
    }

    synchronized int running(long tenantId) {
        return running.getOrDefault(tenantId, 0);
    }

    private void release(long tenantId, int count) {
        running.computeIfPresent(tenantId, (tenant, now) -> now - count <= 0 ? null : now - count);
    }

    private TokenBucket bucket(long tenantId) {
        return buckets.computeIfAbsent(
                tenantId, tenant -> new TokenBucket(properties.ratePerSecond(), properties.burst(), clock));
    }
}
