package io.thingseeportal.bulk;

/** Where one item of a job stands. */
public enum BulkItemState {
    PENDING,
    /** Claimed by a worker, which holds its lease. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Never run: the job said why when it was submitted (a device offline, low on battery), or the handler did. */
    SKIPPED,
    CANCELED;

    /** The item is done with: it will not run again unless failed items are retried. */
    public boolean isFinished() {
        return this != PENDING && this != RUNNING;
    }
}
