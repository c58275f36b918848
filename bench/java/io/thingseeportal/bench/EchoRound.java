package io.thingseeportal.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.bench.EchoPublisher.Echo;
import io.thingseeportal.bench.EchoPublisher.Published;
import io.thingseeportal.bench.ScreenLatency.Result;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One echo round: the rollout's commands answered at the benchmark's rate, the watched devices' next commands sent as
 * their echoes go, and the watched pages' logs matched with what was published.
 */
final class EchoRound {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private final RemoteConfigFleet fleet;
    private final DeviceCommandService commands;
    private final EchoPages pages;
    private final EchoPublisher publisher;
    private final List<String> watched;
    /** When the benchmark's watcher first saw each watched command's echo matched, by transactionId. */
    private final Map<Long, Long> matched = new ConcurrentHashMap<>();

    private volatile boolean watching;

    EchoRound(
            RemoteConfigFleet fleet,
            DeviceCommandService commands,
            EchoPages pages,
            EchoPublisher publisher,
            List<String> watched) {
        this.fleet = fleet;
        this.commands = commands;
        this.pages = pages;
        this.publisher = publisher;
        this.watched = watched;
    }

    /** Answers the rollout's commands for {@code seconds}; the latencies of the watched devices' echoes. */
    Result run(long rolloutJob, int rolloutMarker, int rate, long seconds) throws InterruptedException {
        Map<String, Integer> index = new HashMap<>();
        List<Echo> first = new ArrayList<>();
        for (int i = 0; i < watched.size(); i++) {
            index.put(watched.get(i), i);
            first.add(null);
        }
        List<Echo> background = new ArrayList<>();
        for (Echo echo : sent(rolloutJob, rolloutMarker)) {
            Integer device = index.get(echo.tuid());
            if (device == null) {
                background.add(echo);
            } else {
                first.set(device, echo);
            }
        }
        pages.take();
        publisher.takePublished();
        watching = true;
        var watcher = new Thread(this::watchMatches, "echo-bench-matches");
        watcher.setDaemon(true);
        watcher.start();
        publisher.start(rate, first, background, this::next);
        Thread.sleep(seconds * 1000);
        publisher.stop();
        // Echoes on their way, and pages still to be told.
        Thread.sleep(5000);
        watching = false;
        watcher.join();
        List<Published> published = publisher.takePublished();
        Map<Integer, EchoPages.Log> logs = pages.take();
        List<Published> stalled = new ArrayList<>();
        System.out.println(whereTheUnshownStopped(published, logs, stalled));
        if (!stalled.isEmpty()) {
            StallReport.write(stalled, logs, rolloutMarker);
        }
        matched.clear();
        return EchoPages.latencies(published, logs);
    }

    /**
     * Every 10 ms, notes when the watched echoes published so far were matched: their command left SENT (one query
     * for all those not yet seen matched, by the transactionId's unique index).
     */
    private void watchMatches() {
        while (watching) {
            List<Long> waiting = publisher.publishedSoFar().stream()
                    .map(Published::transactionId)
                    .filter(id -> !matched.containsKey(id))
                    .toList();
            if (!waiting.isEmpty()) {
                long now = System.currentTimeMillis();
                fleet.jdbc()
                        .sql("SELECT transaction_id FROM device_command WHERE tenant_id = :tenant"
                                + " AND transaction_id IN (:ids) AND state <> 'SENT'")
                        .param("tenant", fleet.tenantId())
                        .param("ids", waiting)
                        .query(Long.class)
                        .list()
                        .forEach(id -> matched.putIfAbsent(id, now));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Where the echoes that never showed stopped: matched in the database (then the page was not told, or did not
     * show it), or not matched within 10 s (then the ingest lost or held it); and, for those shown, how much of their
     * latency the match took, how much the portal took from the match to the push message that showed it (its arrival
     * at the page), and how much the browser took from there. Adds those matched and never shown to {@code stalled}.
     */
    private String whereTheUnshownStopped(
            List<Published> published, Map<Integer, EchoPages.Log> logs, List<Published> stalled) {
        List<Long> unshownMatched = new ArrayList<>();
        int unshownUnmatched = 0;
        List<Long> shownMatched = new ArrayList<>();
        List<Long> matchedToShown = new ArrayList<>();
        List<Long> matchedToPushed = new ArrayList<>();
        List<Long> pushedToShown = new ArrayList<>();
        for (Published echo : published) {
            Long matchedAt = matched.get(echo.transactionId());
            Long shownAt = EchoPages.confirmedAt(echo, EchoPages.rowsOf(logs, echo));
            if (shownAt != null) {
                if (matchedAt != null) {
                    shownMatched.add(matchedAt - echo.millis());
                    matchedToShown.add(shownAt - matchedAt);
                    Long pushedAt = EchoPages.pushedAt(shownAt, logs.get(echo.device()));
                    if (pushedAt != null) {
                        matchedToPushed.add(pushedAt - matchedAt);
                        pushedToShown.add(shownAt - pushedAt);
                    }
                }
            } else if (matchedAt != null) {
                unshownMatched.add(matchedAt - echo.millis());
                stalled.add(echo);
            } else {
                unshownUnmatched++;
            }
        }
        return String.format(
                "Echo round: of %d watched echoes not shown, %d were matched in the database (median %d ms after"
                        + " publishing, as the benchmark's watcher saw it every 10 ms) and %d were not; the shown"
                        + " ones were matched a median %d ms (p95 %d ms) after publishing and shown a median %d ms"
                        + " (p95 %d ms) after their match: their push message arrived a median %d ms (p95 %d ms)"
                        + " after the match, and the page showed it a median %d ms (p95 %d ms) after it arrived",
                unshownMatched.size() + unshownUnmatched,
                unshownMatched.size(),
                median(unshownMatched),
                unshownUnmatched,
                median(shownMatched),
                percentile(shownMatched, 95),
                median(matchedToShown),
                percentile(matchedToShown, 95),
                median(matchedToPushed),
                percentile(matchedToPushed, 95),
                median(pushedToShown),
                percentile(pushedToShown, 95));
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    /** The rollout's commands that wait for their echo, in the order they were made. */
    private List<Echo> sent(long jobId, int marker) {
        return fleet.jdbc()
                .sql("SELECT tuid, transaction_id, request FROM device_command WHERE job_id = ? AND state = 'SENT'"
                        + " ORDER BY id")
                .param(jobId)
                .query((row, number) -> new Echo(
                        row.getString("tuid"), row.getLong("transaction_id"), fields(row.getString("request")), marker))
                .list();
    }

    /** The device's next command, once the portal has matched the previous one's echo (or has waited 10 s for it). */
    private @Nullable Echo next(Echo previous, int marker) {
        String tuid = previous.tuid();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !matched.containsKey(previous.transactionId())) {
                Thread.sleep(10);
            }
            DeviceCommand command = fleet.asAdmin(() -> commands.configure(
                    tuid,
                    BulkRounds.TSM_ID,
                    Map.of("measurementInterval", marker, "reportInterval", BulkRounds.REPORT_INTERVAL)));
            return new Echo(tuid, command.transactionId(), command.request(), marker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            System.out.println("The next command to " + tuid + " failed: " + e);
            return null;
        }
    }

    private static Map<String, Object> fields(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A command's request that is not JSON: " + json, e);
        }
    }
}
