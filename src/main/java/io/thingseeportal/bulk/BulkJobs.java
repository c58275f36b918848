package io.thingseeportal.bulk;

import com.vaadin.flow.shared.Registration;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk-work engine's jobs, for the signed-in user's tenant: features submit them (each kind run by its
 * {@link BulkHandler}), people follow and steer them. Jobs and items live in the database, so that any node's workers
 * run them and a restart continues where it stopped.
 */
@Service
public class BulkJobs {

    private final BulkJobStore store;
    private final BulkWorkStore work;
    private final CurrentUser currentUser;
    private final BulkProperties properties;
    private final ObjectProvider<BulkHandler> handlers;
    private final BulkUpdates updates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BulkJobs(
            BulkJobStore store,
            BulkWorkStore work,
            CurrentUser currentUser,
            BulkProperties properties,
            ObjectProvider<BulkHandler> handlers,
            BulkUpdates updates,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.work = work;
        this.currentUser = currentUser;
        this.properties = properties;
        this.handlers = handlers;
        this.updates = updates;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits a job of the signed-in user's tenant; its items run as that user. Items with a skip reason are SKIPPED
     * at once; a job with nothing to run is DONE at once.
     *
     * @param kind the kind of a registered {@link BulkHandler}
     * @param subject what the job is about, for its handler and its followers (for example a group id)
     * @param params the handler's parameters (JSON text by convention)
     * @param abortPercent the job stops by itself when more than this share of its finished items failed (after
     *     {@code portal.bulk.abort-min-items}); 100 never; null for {@code portal.bulk.abort-percent}
     * @return the job's id
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    @Transactional
    public long submit(
            String kind, String subject, String params, List<BulkItemRequest> items, @Nullable Integer abortPercent) {
        if (handlers.stream().noneMatch(handler -> handler.kind().equals(kind))) {
            throw new IllegalArgumentException("No handler runs jobs of kind " + kind);
        }
        int abort = abortPercent == null ? properties.abortPercent() : abortPercent;
        if (abort < 0 || abort > 100) {
            throw new IllegalArgumentException("An abort threshold is a percentage, not " + abort);
        }
        var keys = new HashSet<String>();
        for (BulkItemRequest item : items) {
            if (!keys.add(item.key())) {
                throw new IllegalArgumentException("Item " + item.key() + " is in the job twice");
            }
        }
        PortalUser user = currentUser.require();
        long tenantId = currentUser.tenantId();
        Instant now = clock.instant();
        long jobId = store.insertJob(tenantId, kind, subject, params, user, abort, now);
        store.insertItems(jobId, tenantId, items, now);
        work.settle(jobId, now, properties.abortMinItems());
        return jobId;
    }

    /** The job as it stands. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public BulkJobView job(long jobId) {
        return find(jobId).view();
    }

    /** How far the job has come, with an estimate of the time left while it runs. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public BulkProgress progress(long jobId) {
        var job = find(jobId);
        var counts = work.counts(jobId);
        Instant now = clock.instant();
        BulkJobView view = job.view();
        int left = counts.get(BulkItemState.PENDING) + counts.get(BulkItemState.RUNNING);
        Duration timeLeft = view.state() == BulkJobState.RUNNING
                ? BulkProgress.timeLeft(store.recentFinishes(jobId, BulkProgress.RATE_WINDOW), left, now)
                : null;
        Instant end = view.finishedAt() == null ? now : view.finishedAt();
        return new BulkProgress(
                jobId,
                view.kind(),
                view.state(),
                counts,
                view.createdAt(),
                Duration.between(view.createdAt(), end),
                timeLeft,
                job.wrappedUp());
    }

    /** The job's items in the given states (all with none), in the order they were submitted. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<BulkItemView> items(long jobId, Set<BulkItemState> states) {
        find(jobId);
        return store.items(currentUser.tenantId(), jobId, states);
    }

    /** Stops claiming the job's items; those running finish. False when the job was not running. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public boolean pause(long jobId) {
        return changed(
                jobId,
                store.changeState(currentUser.tenantId(), jobId, Set.of(BulkJobState.RUNNING), BulkJobState.PAUSED));
    }

    /** Claims the paused job's items again. False when the job was not paused. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public boolean resume(long jobId) {
        return changed(
                jobId,
                store.changeState(currentUser.tenantId(), jobId, Set.of(BulkJobState.PAUSED), BulkJobState.RUNNING));
    }

    /** Cancels the job's pending items; those running finish. False when the job had finished already. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public boolean cancel(long jobId) {
        boolean canceled = store.changeState(
                currentUser.tenantId(),
                jobId,
                Set.of(BulkJobState.RUNNING, BulkJobState.PAUSED),
                BulkJobState.CANCELED);
        if (canceled) {
            Instant now = clock.instant();
            work.cancelPending(jobId, now, "CANCELED");
            work.settle(jobId, now, properties.abortMinItems());
        }
        return changed(jobId, canceled);
    }

    /**
     * Runs the finished job's failed items again: the job runs again, and its handler hears of the finish again.
     * Returns how many items will run; none when the job has not finished.
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public int retryFailed(long jobId) {
        var job = find(jobId);
        if (job.view().finishedAt() == null) {
            return 0;
        }
        int items = store.retryFailed(jobId);
        changed(jobId, items > 0);
        return items;
    }

    /**
     * Tells {@code listener} that the job may have moved on: at most a few times a second after its items' outcomes on
     * this node, and every second anyway (for other nodes' progress and the time left), until the registration is
     * removed. It runs on the engine's thread: a view hands it to its UI with {@code ui.access}.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public Registration subscribe(long jobId, Runnable listener) {
        find(jobId);
        return updates.subscribe(jobId, listener);
    }

    /**
     * The tenant's job; for a person whose installer access is for one site, only a job of their own (a fleet-wide
     * job, such as an admin's rollout, reaches devices elsewhere).
     */
    private BulkJobStore.StoredJob find(long jobId) {
        PortalUser user = currentUser.require();
        return store.job(currentUser.tenantId(), jobId)
                .filter(job ->
                        user.onlySite() == null || job.creator().subject().equals(user.subject()))
                .orElseThrow(() -> new BulkJobNotFoundException(jobId));
    }

    private boolean changed(long jobId, boolean changed) {
        if (changed) {
            events.publishEvent(new BulkProgressChanged(jobId, currentUser.tenantId()));
        }
        return changed;
    }
}
