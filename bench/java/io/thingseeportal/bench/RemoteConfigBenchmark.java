package io.thingseeportal.bench;

import io.thingseeportal.FreePorts;
import io.thingseeportal.RunningDemo;
import io.thingseeportal.SimulatorFaults;
import io.thingseeportal.bench.BulkRounds.Timed;
import io.thingseeportal.bench.ScreenLatency.Result;
import io.thingseeportal.deviceconfig.ConfigurationRollouts;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.simulator.SimulatorProperties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/**
 * Remote configuration's three benchmarks, side by side in one run: the time of a 10,000-device rollout, the echo's
 * way to the screen, and the time of a group move of 1,000 devices.
 *
 * <p>The demo (embedded MQTT broker, demo identity provider, simulator with 12,500 devices per stack, no periodic
 * data) runs in this JVM on a fresh PostgreSQL database ({@code portal_bench_remote_config}), with the bulk-work
 * engine at a tenant concurrency of 16 Thingsee calls (32 worker threads, so that items get ready and record while
 * others wait for Thingsee; 10,000 calls a second and a burst of 1,000, so that the rate never limits). The portal knows 10,000 of acme's sensors in a rollout group and 1,000 in a group to move; all
 * simulated devices are offline, so that no echo comes from the simulator. Each round, after a warm-up round:
 *
 * <ol>
 *   <li>a rollout of 1500 to the rollout group with 50 ms of API latency: from {@link ConfigurationRollouts#start} to
 *       the job's {@code finished_at}; ideal 10,000 × 0.05 s / 16 = 31.25 s, target at most 1.25 times that;
 *   <li>the rollout's commands answered: a Paho client publishes their echoes at 200 a second for 55 s
 *       ({@link EchoPublisher}); every tenth goes to one of 5 watched devices, whose pages a headless Chromium has
 *       open as a viewer (each page a session of its own, as 5 people's would be), and each of those echoes answers a command of its own (sent through
 *       {@link DeviceCommandService} once the previous echo was matched); latency = the moment the command's row shows CONFIRMED − publish time
 *       ({@link EchoPages}), target p95 at most 500 ms;
 *   <li>a move of the 1,000 devices to the other group, back in the next round, with 200 ms of API latency; ideal 1,000
 *       × 0.2 s / 16 = 12.5 s, target at most 1.25 times that.
 * </ol>
 *
 * Before each round the tables the rounds change are vacuumed when the database's autovacuum is off (as on the
 * benchmark machine; production keeps PostgreSQL's default, on). A target is met when the median of the rounds meets
 * it. Run with {@code ./mvnw -Pbench verify
 * -Dbench=io.thingseeportal.bench.RemoteConfigBenchmark -Dspotless.check.skip=true}; figures go to docs/benchmarks.md.
 */
public final class RemoteConfigBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final int ROLLOUT_DEVICES = Integer.getInteger("bench.rollout-devices", 10_000);
    static final int MOVED_DEVICES = Integer.getInteger("bench.moved-devices", 1_000);
    static final int CONCURRENCY = 16;
    /** Twice the calls: as many items get ready for their calls and record them while the others wait for Thingsee. */
    static final int WORKERS = 2 * CONCURRENCY;

    static final int POOL_SIZE = 48;
    static final long ROLLOUT_LATENCY_MILLIS = 50;
    static final long MOVE_LATENCY_MILLIS = 200;
    static final int ECHO_RATE = Integer.getInteger("bench.rate", 200);
    /**
     * People watching their devices' pages. Their browsers run on the benchmark's machine, beside the portal: with 20
     * pages the browser took more of the two cores than the portal did (see docs/benchmarks.md).
     */
    static final int PAGES = Integer.getInteger("bench.pages", 5);

    static final long ECHO_SECONDS = Long.getLong("bench.echo-seconds", 55);
    private static final int WARM_UP_MARKER = 900;

    public static void main(String[] args) throws Exception {
        // The embedded broker leaves threads behind that would keep Maven's JVM (exec:java) waiting forever.
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        Path report = Path.of("docs/benchmarks.md");
        if (!Files.exists(report)) {
            throw new IllegalStateException("Run from the project directory: no " + report);
        }
        int port = FreePorts.next();
        RunningDemo demo = BenchDemo.startOn(
                "portal_bench_remote_config",
                "--server.port=" + port,
                "--portal.demo.idp.portal-base-urls=" + String.join(",", EchoPages.addresses(port, PAGES)),
                "--portal.simulator.fleet-size=12500",
                "--portal.simulator.periodic-data=false",
                "--portal.simulator.data-directory=",
                "--portal.groups.scheduled-sync=false",
                "--portal.bulk.tenant-concurrency=" + CONCURRENCY,
                "--portal.bulk.worker-threads=" + WORKERS,
                "--portal.bulk.rate-per-second=10000",
                "--portal.bulk.burst=1000",
                // More than the workers: each of them needs a connection now and then, as do the ingest and views.
                "--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE);
        try {
            if (demo.context().getBean(SimulatorProperties.class).dataDirectory() != null) {
                throw new IllegalStateException("The simulator should keep its stacks in memory only");
            }
            var fleet = new RemoteConfigFleet(demo);
            var faults = SimulatorFaults.acme(URI.create(demo.portal()).getPort());
            faults.set("{\"apiLatencyMillis\":0,\"offline\":true,\"rateLimit\":1000000}");
            fleet.populate(ROLLOUT_DEVICES, MOVED_DEVICES);
            awaitStream(demo);
            List<String> watched = fleet.rolloutDevices().subList(0, PAGES);
            var rounds = new BulkRounds(fleet, demo.context());
            var commands = demo.context().getBean(DeviceCommandService.class);
            String loadBefore = loadAverage();
            try (var pages = EchoPages.open(demo, watched);
                    var publisher = new EchoPublisher(
                            "tcp://127.0.0.1:" + BenchDemo.brokerPort(demo),
                            RemoteConfigFleet.TENANT + "/",
                            RemoteConfigFleet.ROLLOUT_GROUP.value(),
                            PAGES,
                            reservedMarkers())) {
                var echoes = new EchoRound(fleet, commands, pages, publisher, watched);
                var results = new RemoteConfigResults(loadBefore);
                for (int round = 0; round <= ROUNDS; round++) {
                    fleet.vacuum();
                    faults.set("{\"apiLatencyMillis\":" + ROLLOUT_LATENCY_MILLIS + "}");
                    Timed rollout = rounds.rollout(WARM_UP_MARKER + round);
                    faults.set("{\"apiLatencyMillis\":0}");
                    Result echo = echoes.run(rollout.jobId(), WARM_UP_MARKER + round, ECHO_RATE, ECHO_SECONDS);
                    faults.set("{\"apiLatencyMillis\":" + MOVE_LATENCY_MILLIS + "}");
                    Timed move = rounds.move(round, fleet.moveDevices());
                    results.add(round, rollout, echo, move, publisher.backgroundSent(), loadAverage());
                }
                results.record(report, publisher.watchedNotReady(), publisher.failures());
            }
        } finally {
            demo.close();
        }
    }

    /**
     * The numbers a watched page's commands show other than their markers: the report interval every command asks,
     * and the rollouts' markers (each watched device's rollout commands are rows of its page too).
     */
    private static Set<Integer> reservedMarkers() {
        Set<Integer> reserved = new HashSet<>();
        reserved.add(BulkRounds.REPORT_INTERVAL);
        for (int round = 0; round <= ROUNDS; round++) {
            reserved.add(WARM_UP_MARKER + round);
        }
        return reserved;
    }

    /** The portal's data stream must be subscribed before the first echo: the broker keeps nothing for it. */
    private static void awaitStream(RunningDemo demo) throws InterruptedException {
        var health = demo.context().getBean(HealthEndpoint.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Status.UP.equals(health.healthForPath("mqtt").getStatus())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The portal's data stream did not come up");
            }
            Thread.sleep(200);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
