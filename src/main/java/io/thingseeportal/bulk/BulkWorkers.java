package io.thingseeportal.bulk;

import io.thingseeportal.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One node's workers. Every poll interval (and as soon as an item finishes) the node claims what its free threads and
 * its per-tenant limits allow, each claim a short transaction that leases the items to this node; runs each item's
 * handler outside any transaction; then records the outcome and moves the job on in another. When a job finishes, its
 * handler has its say once, on one node. On shutdown the node stops claiming, lets running items finish for up to the
 * call deadline, and hands back the rest.
 */
@Service
class BulkWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkWorkers.class);

    private final BulkWorkStore work;
    private final BulkJobStore jobs;
    private final Map<String, BulkHandler> handlers;
    private final BulkProperties properties;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TenantLimits limits;
    private final String node = "node-" + UUID.randomUUID();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean killed;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(threads("bulk-poll"));
    private final ExecutorService workers;
    private final ExecutorService calls = Executors.newCachedThreadPool(threads("bulk-call"));
    private final ItemCall itemCall;

    BulkWorkers(
            BulkWorkStore work,
            BulkJobStore jobs,
            List<BulkHandler> handlers,
            BulkProperties properties,
            Clock clock,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.work = work;
        this.jobs = jobs;
        this.handlers = handlers.stream().collect(Collectors.toMap(BulkHandler::kind, Function.identity()));
        this.properties = properties;
        this.clock = clock;
        this.currentUser = currentUser;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
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
            if (!workers.awaitTermination(properties.callDeadline().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        calls.shutdownNow();
        int released = inTransaction(() -> work.release(node));
        if (released > 0) {
            log.info("Handed back {} bulk items still running at shutdown", released);
        }
    }

    /** Stops at once, as a node that dies does: no outcome is recorded for items still running (tests only). */
    void kill() {
        killed = true;
        running = false;
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
            for (long job : inTransaction(() -> work.sweepExpiredLeases(now))) {
                settle(job);
            }
            // A job whose last outcome was committed by a node that died before it moved the job on.
            for (long job : work.jobsToSettle()) {
                settle(job);
            }
            for (long job : work.jobsToWrapUp(now)) {
                wrapUp(job);
            }
            claim(now);
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
            claim(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Bulk workers could not claim", e);
        }
    }

    private void claim(Instant now) {
        int free = properties.workerThreads() - busy.get();
        for (long tenantId : work.tenantsWithRunningJobs()) {
            if (free <= 0 || !running) {
                return;
            }
            int reserved = limits.reserve(tenantId, free);
            if (reserved == 0) {
                continue;
            }
            List<Long> claimed =
                    inTransaction(() -> work.claim(tenantId, node, now, now.plus(properties.lease()), reserved));
            limits.unused(tenantId, reserved - claimed.size());
            for (long itemId : claimed) {
                busy.incrementAndGet();
                free--;
                workers.execute(() -> runItem(tenantId, itemId));
            }
        }
    }

    private void runItem(long tenantId, long itemId) {
        try {
            var item = work.claimed(itemId);
            BulkHandler handler = handlers.get(item.context().kind());
            ItemCall.Result result = handler == null
                    ? ItemCall.Result.of(ItemOutcome.failed(ItemOutcome.ERROR, "No handler for this kind of job"))
                    : itemCall.run(handler, item.context());
            record(item, result);
        } catch (RuntimeException e) {
            log.warn("Bulk item {} could not run; its lease will run out and it runs again", itemId, e);
        } finally {
            limits.finished(tenantId);
            busy.decrementAndGet();
            if (running) {
                poller.execute(this::claimNext);
            }
        }
    }

    private void record(BulkWorkStore.ClaimedItem item, ItemCall.Result result) {
        if (killed) {
            return;
        }
        Instant now = clock.instant();
        long jobId = item.context().jobId();
        if (result.rateLimited()) {
            limits.rateLimited(item.context().tenantId(), result.retryIn());
        }
        var outcome = result.outcome();
        boolean held = inTransaction(() -> outcome == null
                ? work.requeue(item.id(), node, now.plus(result.retryIn()), !result.rateLimited(), result.message())
                : work.finish(item.id(), node, outcome, now));
        // After the outcome's commit, so that of the items finishing together the last to look sees all outcomes. A
        // success moves the job on only as its last item, or towards its abort threshold: only then is the job's row
        // locked and its items counted, so that a job's items do not queue on its row one after the other.
        boolean finished = held
                && (outcome == null || outcome.state() == BulkItemState.FAILED || work.mayMoveOn(jobId))
                && inTransaction(() -> work.settle(jobId, now, properties.abortMinItems()));
        events.publishEvent(new BulkProgressChanged(jobId, item.context().tenantId()));
        if (finished) {
            wrapUp(jobId);
        }
    }

    /** Moves a job on outside an item's outcome (a swept lease, a cancel), and wraps it up if it finished. */
    void settle(long jobId) {
        if (inTransaction(() -> work.settle(jobId, clock.instant(), properties.abortMinItems()))) {
            wrapUp(jobId);
        }
    }

    /** Gives the job's handler its say about the finish, unless another node is giving it or has given it. */
    void wrapUp(long jobId) {
        Instant now = clock.instant();
        if (!work.claimWrapUp(jobId, node, now, now.plus(properties.lease()))) {
            return;
        }
        var job = jobs.job(null, jobId).orElseThrow();
        BulkHandler handler = handlers.get(job.view().kind());
        try {
            if (handler != null) {
                currentUser.runAs(job.creator(), () -> {
                    handler.finished(job.view());
                    return null;
                });
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Bulk job {} ({}): its handler failed on the finish",
                    jobId,
                    job.view().kind(),
                    e);
        }
        work.wrappedUp(jobId, clock.instant());
        events.publishEvent(new BulkProgressChanged(jobId, job.view().tenantId()));
    }

    private <T> T inTransaction(Supplier<T> statements) {
        return transaction.execute(status -> statements.get());
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
