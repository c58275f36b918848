package io.thingseeportal.bulk;

/** Where a job stands. Only a running job's items are claimed. */
public enum BulkJobState {
    RUNNING,
    PAUSED,
    /** Canceled by a person: its pending items were canceled. */
    CANCELED,
    /** Stopped by itself: more of its items failed than its abort threshold allows. */
    ABORTED,
    /** Every item ran (or was skipped). */
    DONE;

    /** No item of the job will run again (unless failed ones are retried). */
    public boolean isFinal() {
        return this == CANCELED || this == ABORTED || this == DONE;
    }
}
