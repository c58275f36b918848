package io.thingseeportal.bulk;

import io.thingseeportal.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * One node's workers. Every poll interval (and as soon as an item finishes) the node claims what its free threads and
 * its per-tenant limits allow, each claim a short transaction that leases the items to this node; runs each item's
 * handler outside any transaction; then {@link BulkJobSteps records} the outcome and moves the job on. While items
 * run, the node renews their leases every quarter lease, so that only a node that died loses its items to another.
 * On shutdown the node stops claiming, lets running items finish for up to the call deadline, and hands back the
 * rest.
 */
@Service
class BulkWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkWorkers.class);

    private final BulkWorkStore work;
    private final BulkJobSteps steps;
    private final BulkProperties properties;
    private final Clock clock;
    private final TenantLimits limits;
    private final String node = "node-" + UUID.randomUUID();
    private final AtomicInteger busy = new AtomicInteger();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean killed;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(threads("bulk-poll"));
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(threads("bulk-lease"));
    private final ExecutorService workers;
    private final ExecutorService calls = Executors.newCachedThreadPool(threads("bulk-call"));
    private final ItemCall itemCall;

    BulkWorkers(
            BulkWorkStore work, BulkJobSteps steps, BulkProperties properties, Clock clock, CurrentUser currentUser) {
        this.work = work;
        this.steps = steps;
        this.properties = properties;
        this.clock = clock;
        this.limits = new TenantLimits(properties, clock);
        this.workers = Executors.newFixedThreadPool(properties.workerThreads(), threads("bulk-worker"));
        this.itemCall = new ItemCall(currentUser, properties, calls);
    }

    /** Starts polling; once only; a stopped node's workers do not start again. */
    @Override
    public synchronized void start() {
        if (running || poller.isShutdown()) {
            return;
        }
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        long renewEvery = Math.max(1, properties.lease().toMillis() / 4);
        leases.scheduleAtFixedRate(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    /** Stops claiming; waits for running items up to the call deadline, then hands back those still running. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.shutdownNow();
        workers.shutdown();
        try {
            // A claim that was under way commits before the hand-back below, which then hands its items back too.
            poller.awaitTermination(properties.callDeadline().toMillis(), TimeUnit.MILLISECONDS);
            if (!workers.awaitTermination(properties.callDeadline().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        leases.shutdownNow();
        calls.shutdownNow();
        int released = steps.inTransaction(() -> work.release(node));
        if (released > 0) {
            log.info("Handed back {} bulk items still running at shutdown", released);
        }
    }

    /** Stops at once, as a node that dies does: no outcome is recorded, no lease renewed (tests only). */
    void kill() {
        killed = true;
        running = false;
        leases.shutdownNow();
        poller.shutdownNow();
        workers.shutdownNow();
        calls.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The id this node leases items under. */
    String node() {
        return node;
    }

    void poll() {
        if (!running) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (long job : steps.inTransaction(() -> work.sweepExpiredLeases(now))) {
                steps.settle(job, node);
            }
            // A job whose last outcome was committed by a node that died before it moved the job on.
            for (long job : work.jobsToSettle()) {
                steps.settle(job, node);
            }
            steps.wrapUpFinishedJobs(node);
            claim(true);
        } catch (RuntimeException e) {
            log.warn("Bulk workers could not poll", e);
        }
    }

    /** After an item: claims the next at once; the sweeps wait for the next poll, so that an item costs one claim. */
    private void claimNext() {
        if (!running) {
            return;
        }
        try {
            claim(false);
        } catch (RuntimeException e) {
            log.warn("Bulk workers could not claim", e);
        }
    }

    /**
     * Claims items for the free worker threads, tenant by tenant within their limits; with {@code expiredLeases} (at a
     * poll) also the items of nodes that stopped, which an item's end leaves to the next poll.
     */
    private void claim(boolean expiredLeases) {
        int free = properties.workerThreads() - busy.get();
        for (var tenant : work.runningJobs().entrySet()) {
            if (free <= 0 || !running) {
                return;
            }
            long tenantId = tenant.getKey();
            int reserved = limits.reserve(tenantId, free);
            if (reserved == 0) {
                continue;
            }
            Instant now = clock.instant();
            List<Long> claimed = steps.inTransaction(() ->
                    work.claim(tenant.getValue(), expiredLeases, node, now, now.plus(properties.lease()), reserved));
            limits.unused(tenantId, reserved - claimed.size());
            for (long itemId : claimed) {
                busy.incrementAndGet();
                inFlight.add(itemId);
                free--;
                workers.execute(() -> runItem(tenantId, itemId));
            }
        }
    }

    private void renewLeases() {
        List<Long> items = List.copyOf(inFlight);
        if (killed || items.isEmpty()) {
            return;
        }
        try {
            steps.inTransaction(
                    () -> work.renewLeases(node, items, clock.instant().plus(properties.lease())));
        } catch (RuntimeException e) {
            log.warn("Bulk workers could not renew their leases", e);
        }
    }

    private void runItem(long tenantId, long itemId) {
        try {
            var item = work.claimed(itemId);
            BulkHandler handler = steps.handler(item.context().kind());
            ItemCall.Result result = handler == null
                    ? ItemCall.Result.of(ItemOutcome.failed(ItemOutcome.ERROR, "No handler for this kind of job"))
                    : itemCall.run(handler, item.context(), limits.slot(tenantId));
            if (result.rateLimited()) {
                limits.rateLimited(tenantId, result.retryIn());
            }
            if (!killed) {
                steps.record(item, result, node);
            }
        } catch (RuntimeException e) {
            log.warn("Bulk item {} could not run; its lease will run out and it runs again", itemId, e);
        } finally {
            inFlight.remove(itemId);
            limits.finished(tenantId);
            busy.decrementAndGet();
            if (running) {
                poller.execute(this::claimNext);
            }
        }
    }

    private static ThreadFactory threads(String name) {
        var number = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
