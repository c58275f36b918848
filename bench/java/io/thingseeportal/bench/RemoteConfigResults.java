package io.thingseeportal.bench;

import io.thingseeportal.bench.BulkRounds.Timed;
import io.thingseeportal.bench.ScreenLatency.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;

/** The remote configuration benchmark's rounds, and the three rows they make in docs/benchmarks.md. */
final class RemoteConfigResults {

    private static final double TARGET_FACTOR = 1.25;
    private static final long TARGET_P95_MILLIS = 500;

    private final String loadBefore;
    private final List<Timed> rollouts = new ArrayList<>();
    private final List<Result> echoes = new ArrayList<>();
    private final List<Timed> moves = new ArrayList<>();
    private final List<String> loads = new ArrayList<>();
    private long backgroundEchoes;

    RemoteConfigResults(String loadBefore) {
        this.loadBefore = loadBefore;
    }

    /** A round's figures; round 0 warms up and is only printed. */
    void add(int round, Timed rollout, Result echo, Timed move, long background, String load) {
        System.out.printf(
                Locale.ROOT,
                "Round %d: rollout %.2f s (start %d ms, %d of %d succeeded); echoes: %s, %d background; move %.2f s"
                        + " (%d of %d succeeded); load %s%n",
                round,
                rollout.seconds(),
                rollout.start().toMillis(),
                rollout.succeeded(),
                rollout.items(),
                describe(echo),
                background,
                move.seconds(),
                move.succeeded(),
                move.items(),
                load);
        if (round == 0) {
            return;
        }
        rollouts.add(rollout);
        echoes.add(echo);
        moves.add(move);
        loads.add(load);
        backgroundEchoes += background;
    }

    void record(Path report, long watchedNotReady, long publishFailures) throws IOException {
        int rounds = rollouts.size();
        String settings = String.format(
                Locale.ROOT,
                "%d rounds after a warm-up round, each rollout, echoes, move in turn; portal.bulk tenant-concurrency"
                        + " %d, worker-threads %d, rate-per-second 10,000 and burst 1,000 (never the limit); demo on"
                        + " PostgreSQL; load average %s before, %s at the rounds' ends",
                rounds,
                RemoteConfigBenchmark.CONCURRENCY,
                RemoteConfigBenchmark.WORKERS,
                loadBefore,
                String.join(" / ", loads));
        bulkRow(report, "remote-config-rollout", rollouts, RemoteConfigBenchmark.ROLLOUT_LATENCY_MILLIS, "Rollout of")
                .run(settings + "; from ConfigurationRollouts.start (its plan included, a median "
                        + median(rollouts, timed -> timed.start().toMillis()) + " ms) to the job's finished_at;"
                        + " the simulated devices offline, so no echo came during the rollout");
        bulkRow(report, "remote-config-group-move", moves, RemoteConfigBenchmark.MOVE_LATENCY_MILLIS, "Group move of")
                .run(settings + "; from GroupService.moveDevices to the job's finished_at, to the other group and"
                        + " back in turn");
        long[] p95s = echoes.stream()
                .mapToLong(round -> round.percentileOfAll(0.95))
                .sorted()
                .toArray();
        long medianP95 = p95s[p95s.length / 2];
        long[] all = echoes.stream()
                .flatMapToLong(round -> LongStream.of(round.latencies()))
                .sorted()
                .toArray();
        Result together = new Result(
                all,
                echoes.stream().mapToInt(Result::published).sum(),
                0,
                echoes.stream().mapToInt(Result::supersededLate).sum(),
                echoes.stream().mapToInt(Result::neverShown).sum());
        String figure = String.format(
                Locale.ROOT,
                "p95 %s (median of %d rounds' p95; rounds %s to %s); all rounds: %s; %,d background echoes;"
                        + " watched slots that answered a background command because the device's next command was not"
                        + " yet sent %d, publish failures %d (%d echoes/s for %d s per round, every tenth to one of %d watched devices,"
                        + " each answering a command of its own; %s)",
                millis(medianP95),
                rounds,
                millis(p95s[0]),
                millis(p95s[p95s.length - 1]),
                describe(together),
                backgroundEchoes,
                watchedNotReady,
                publishFailures,
                RemoteConfigBenchmark.ECHO_RATE,
                RemoteConfigBenchmark.ECHO_SECONDS,
                RemoteConfigBenchmark.PAGES,
                settings);
        System.out.println("Echo to screen: " + figure);
        BenchmarkReport.record(
                report,
                "remote-config-echo",
                "Echo to screen (device page, command row CONFIRMED) at " + RemoteConfigBenchmark.ECHO_RATE
                        + " echoes/s, " + RemoteConfigBenchmark.PAGES + " pages open, each its own session",
                figure,
                (medianP95 <= TARGET_P95_MILLIS ? "meets" : "MISSES") + " the target of p95 <= " + TARGET_P95_MILLIS
                        + " ms");
    }

    static String describe(Result result) {
        return String.format(
                Locale.ROOT,
                "%d published, %d shown, median %d ms, p95 %d ms, p99 %d ms, max %d ms of those shown; p95 of all %s;"
                        + " not shown: %d superseded by the device's next command, %d never",
                result.published(),
                result.shown(),
                result.percentile(0.5),
                result.percentile(0.95),
                result.percentile(0.99),
                result.max(),
                millis(result.percentileOfAll(0.95)),
                result.supersededLate(),
                result.neverShown());
    }

    /** A row of a bulk job's rounds against its ideal, items × latency / concurrency. */
    private static Row bulkRow(Path report, String id, List<Timed> rounds, long latencyMillis, String what) {
        long items = rounds.get(0).items();
        double ideal = items * latencyMillis / 1000.0 / RemoteConfigBenchmark.CONCURRENCY;
        double[] seconds = rounds.stream().mapToDouble(Timed::seconds).sorted().toArray();
        double median = seconds[seconds.length / 2];
        long succeeded = rounds.stream().mapToLong(Timed::succeeded).min().orElse(0);
        String name = String.format(
                Locale.ROOT,
                "%s %,d devices, %d ms API latency, concurrency %d",
                what,
                items,
                latencyMillis,
                RemoteConfigBenchmark.CONCURRENCY);
        return settings -> {
            String figure = String.format(
                    Locale.ROOT,
                    "median %.2f s = %.2f × the ideal %.2f s (%,d × %.2f s / %d; rounds %.2f–%.2f s = %.2f–%.2f ×);"
                            + " at least %,d of %,d items succeeded in every round; %s",
                    median,
                    median / ideal,
                    ideal,
                    items,
                    latencyMillis / 1000.0,
                    RemoteConfigBenchmark.CONCURRENCY,
                    seconds[0],
                    seconds[seconds.length - 1],
                    seconds[0] / ideal,
                    seconds[seconds.length - 1] / ideal,
                    succeeded,
                    items,
                    settings);
            System.out.println(name + ": " + figure);
            String target = String.format(
                    Locale.ROOT, "the target of %.2f × the ideal (%.2f s)", TARGET_FACTOR, TARGET_FACTOR * ideal);
            BenchmarkReport.record(
                    report, id, name, figure, (median <= TARGET_FACTOR * ideal ? "meets " : "MISSES ") + target);
        };
    }

    private interface Row {
        void run(String settings) throws IOException;
    }

    private static long median(List<Timed> rounds, ToDoubleFunction<Timed> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        return Math.round(values[values.length / 2]);
    }

    private static String millis(long value) {
        return value == Long.MAX_VALUE ? "not shown" : value + " ms";
    }
}
