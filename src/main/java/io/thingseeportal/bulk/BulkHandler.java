package io.thingseeportal.bulk;

/**
 * Runs the items of one kind of job: a Spring bean per kind (for example {@code group.reassign}), found by
 * {@link #kind()}. The engine calls {@link #run} for each item on a worker thread, outside any transaction, signed in
 * as the user who submitted the job (so that the services it calls check that user's roles and tenant), and within
 * the call deadline ({@code portal.bulk.call-deadline}); past it the item fails and the thread is interrupted.
 *
 * <p><b>Idempotent:</b> an item may run more than once. A node that stops while running an item loses its lease, and
 * another node runs the item again; so does a retry after a rate limit or an unavailable Thingsee. {@link
 * BulkItemContext#isRepeat()} says when an earlier run may have made the change already: the handler must then not
 * fail, nor make the change twice, because of it.
 */
public interface BulkHandler {

    /** The kind of job this handler runs, unique among handlers. */
    String kind();

    /**
     * Makes the Thingsee call(s) for one item and records their effect in the portal. Each Thingsee call goes through
     * {@code slot}, which lets at most {@code portal.bulk.tenant-concurrency} calls of the tenant run at once; the
     * reads and writes around it do not.
     *
     * @return the outcome; throwing a {@link io.thingseeportal.thingsee.ThingseeException} fails the item with the
     *     API's message (see {@link ItemOutcome} for rate limits and unavailability), any other exception fails it
     *     with outcome {@link ItemOutcome#ERROR}
     */
    ItemOutcome run(BulkItemContext item, CallSlot slot);

    /**
     * The job finished (done, aborted, or canceled and no item running any more): for example, record it in a
     * history. Runs once per finish on one node, as the submitter; again after failed items are retried. If the node
     * stops while it runs, another node runs it again after the lease: it should be idempotent too.
     */
    default void finished(BulkJobView job) {}
}
