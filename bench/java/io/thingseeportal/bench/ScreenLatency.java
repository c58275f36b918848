package io.thingseeportal.bench;

import io.thingseeportal.bench.BatteryPublisher.Published;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Matches what was published to the watched devices with what their pages showed. A page's log holds each text its
 * battery element took and when (the browser's {@code Date.now()}, the same clock as the publisher's
 * {@code System.currentTimeMillis()}). A message's latency is the time of the first change to its level at or after
 * its publish time. A message that never showed is counted apart, by why: the next message of the device came within
 * {@link #COALESCED_MILLIS} (the view shows at most about four changes a second, so it may legitimately be skipped),
 * or later (the page fell behind), or nothing of the device showed after it at all.
 */
final class ScreenLatency {

    /** A change of a page's battery text, seen in the browser. */
    record Shown(String text, long millis) {}

    record Result(long[] latencies, int published, int supersededQuickly, int supersededLate, int neverShown) {

        int shown() {
            return latencies.length;
        }

        long percentile(double p) {
            if (latencies.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length, rank) - 1)];
        }

        /**
         * The percentile over every message that should have shown: those superseded within
         * {@link #COALESCED_MILLIS} left out, the others that never showed counted as slower than any that did
         * ({@link Long#MAX_VALUE}).
         */
        long percentileOfAll(double p) {
            int missing = supersededLate + neverShown;
            int total = latencies.length + missing;
            if (total == 0) {
                return -1;
            }
            int rank = Math.max(1, (int) Math.ceil(p * total));
            return rank <= latencies.length ? latencies[rank - 1] : Long.MAX_VALUE;
        }

        long max() {
            return latencies.length == 0 ? -1 : latencies[latencies.length - 1];
        }
    }

    static final long COALESCED_MILLIS = 250;
    /** A level comes back only after 99 messages of the device, about 99 s at the benchmark's rate. */
    private static final long MATCH_WINDOW_MILLIS = 90_000;

    private ScreenLatency() {}

    /** The latencies of the messages published in [from, to). */
    static Result of(List<Published> published, Map<Integer, List<Shown>> shownByDevice, long from, long to) {
        List<Long> latencies = new ArrayList<>();
        int inWindow = 0;
        int quickly = 0;
        int late = 0;
        int never = 0;
        for (int i = 0; i < published.size(); i++) {
            Published message = published.get(i);
            if (message.millis() < from || message.millis() >= to) {
                continue;
            }
            inWindow++;
            List<Shown> shown = shownByDevice.getOrDefault(message.device(), List.of());
            String text = message.level() + " %";
            Long at = null;
            for (Shown change : shown) {
                if (change.millis() >= message.millis()
                        && change.millis() < message.millis() + MATCH_WINDOW_MILLIS
                        && change.text().equals(text)) {
                    at = change.millis();
                    break;
                }
            }
            if (at != null) {
                latencies.add(at - message.millis());
                continue;
            }
            Published next = next(published, i);
            boolean anythingLater = shown.stream().anyMatch(change -> change.millis() > message.millis());
            if (next != null && next.millis() - message.millis() <= COALESCED_MILLIS) {
                quickly++;
            } else if (anythingLater) {
                late++;
            } else {
                never++;
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted, inWindow, quickly, late, never);
    }

    private static @Nullable Published next(List<Published> published, int index) {
        int device = published.get(index).device();
        for (int i = index + 1; i < published.size(); i++) {
            if (published.get(i).device() == device) {
                return published.get(i);
            }
        }
        return null;
    }
}
