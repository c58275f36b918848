package io.thingseeportal.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far a job has come.
 *
 * @param counts how many of its items are in each state (every state is present, zero or not)
 * @param startedAt when the job was submitted
 * @param elapsed from the start to now, or to the job's finish
 * @param timeLeft an estimate of the time left, from the recent rate of finished items and the items left; null while
 *     there is too little to go by, or when the job is not running
 * @param complete the job has finished and its handler has had its say (for example the group history is written)
 */
public record BulkProgress(
        long jobId,
        String kind,
        BulkJobState state,
        Map<BulkItemState, Integer> counts,
        Instant startedAt,
        Duration elapsed,
        @Nullable Duration timeLeft,
        boolean complete) {

    /** How many recently finished items the estimate of the time left goes by. */
    static final int RATE_WINDOW = 20;

    public BulkProgress {
        var all = new EnumMap<BulkItemState, Integer>(BulkItemState.class);
        for (BulkItemState each : BulkItemState.values()) {
            all.put(each, counts.getOrDefault(each, 0));
        }
        counts = Map.copyOf(all);
    }

    public int count(BulkItemState state) {
        return counts.get(state);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Items that will not run again: succeeded, failed, skipped or canceled. */
    public int finished() {
        return total() - count(BulkItemState.PENDING) - count(BulkItemState.RUNNING);
    }

    /**
     * The time left at the rate the most recent items finished at: {@code recentFinishes} are the times they finished
     * (any order, at most {@link #RATE_WINDOW} are used), measured up to {@code now} so that a stalled job's estimate
     * grows. Null with fewer than two finishes or nothing left.
     */
    static @Nullable Duration timeLeft(List<Instant> recentFinishes, int left, Instant now) {
        if (recentFinishes.size() < 2 || left <= 0) {
            return null;
        }
        List<Instant> sorted = recentFinishes.stream().sorted().toList();
        Instant first = sorted.get(Math.max(0, sorted.size() - RATE_WINDOW));
        int items = Math.min(sorted.size(), RATE_WINDOW) - 1;
        Instant last = now.isAfter(sorted.get(sorted.size() - 1)) ? now : sorted.get(sorted.size() - 1);
        long spanMillis = Math.max(1, Duration.between(first, last).toMillis());
        return Duration.ofMillis(Math.round((double) spanMillis / items * left));
    }
}
