package io.thingseeportal.group;

import io.thingseeportal.group.GroupSyncProgress.Stage;
import java.util.function.Consumer;

/**
 * Counts a sync's steps and tells the listener of each whole per cent and of each new stage, not of every step: a
 * sync of 10,000 groups has more than 10,002 steps, and each report may become a push to a browser.
 */
final class SyncSteps {

    private final Consumer<GroupSyncProgress> listener;
    private Stage stage = Stage.GROUPS;
    private int total;
    private int done;
    private int reportedPercent = -1;

    SyncSteps(Consumer<GroupSyncProgress> listener, int total) {
        this.listener = listener;
        this.total = total;
    }

    void done() {
        done++;
        report(false);
    }

    /** The sync goes on to the next stage, which adds this many steps to those known so far. */
    void next(Stage next, int moreSteps) {
        stage = next;
        total += moreSteps;
        report(true);
    }

    private void report(boolean always) {
        int percent = total == 0 ? 100 : done * 100 / total;
        if (always || percent != reportedPercent) {
            reportedPercent = percent;
            listener.accept(new GroupSyncProgress(stage, done, total));
        }
    }
}
