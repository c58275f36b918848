package io.thingseeportal.bulk;

import io.thingseeportal.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the workers do around an item's call: record its outcome, move its job on (abort, done, finished), and give
 * the job's handler its say once the job has finished, on one node. Each step is a short transaction of its own.
 */
@Service
class BulkJobSteps {

    private static final Logger log = LoggerFactory.getLogger(BulkJobSteps.class);

    private final BulkWorkStore work;
    private final BulkJobStore jobs;
    private final Map<String, BulkHandler> handlers;
    private final BulkProperties properties;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    BulkJobSteps(
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
    }

    /** The handler of this kind of job, if this node has one. */
    @Nullable
    BulkHandler handler(String kind) {
        return handlers.get(kind);
    }

    /** Records what the item's call came to, unless the node no longer holds the item; then moves its job on. */
    void record(BulkWorkStore.ClaimedItem item, ItemCall.Result result, String node) {
        Instant now = clock.instant();
        long jobId = item.context().jobId();
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
            wrapUp(jobId, node);
        }
    }

    /** Moves a job on outside an item's outcome (a swept lease, a cancel), and wraps it up if it finished. */
    void settle(long jobId, String node) {
        if (inTransaction(() -> work.settle(jobId, clock.instant(), properties.abortMinItems()))) {
            wrapUp(jobId, node);
        }
    }

    /** Wraps up the finished jobs whose handler has not had its say (their node died before it gave it). */
    void wrapUpFinishedJobs(String node) {
        for (long job : jobs.jobsToWrapUp(clock.instant())) {
            wrapUp(job, node);
        }
    }

    /** Gives the job's handler its say about the finish, unless another node is giving it or has given it. */
    void wrapUp(long jobId, String node) {
        Instant now = clock.instant();
        if (!jobs.claimWrapUp(jobId, node, now, now.plus(properties.lease()))) {
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
        jobs.wrappedUp(jobId, clock.instant());
        events.publishEvent(new BulkProgressChanged(jobId, job.view().tenantId()));
    }

    <T> T inTransaction(Supplier<T> statements) {
        return transaction.execute(status -> statements.get());
    }
}
