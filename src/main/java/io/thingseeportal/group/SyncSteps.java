package io.thingseeportal.group;

import java.util.function.Consumer;

/**
 * Counts a sync's steps and tells the listener of each whole per cent, not of every step: a sync of 10,000 groups has
 * 10,002 steps, and each report may become a push to a browser.
 */
final class SyncSteps {

    private final Consumer<GroupSyncProgress> listener;
    private final int total;
    private int done;
    private int reportedPercent = -1;

    SyncSteps(Consumer<GroupSyncProgress> listener, int total) {
        this.listener = listener;
        this.total = total;
    }

    void done() {
        done++;
        int percent = done * 100 / total;
        if (percent != reportedPercent) {
            reportedPercent = percent;
            listener.accept(new GroupSyncProgress(done, total));
        }
    }
}
