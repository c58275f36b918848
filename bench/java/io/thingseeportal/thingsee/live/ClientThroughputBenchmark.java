package io.thingseeportal.thingsee.live;

import io.thingseeportal.Application;
import io.thingseeportal.SimulatorFaults;
import io.thingseeportal.bench.BenchmarkReport;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStack;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How many reads per second the live client gets through 32 concurrent callers when every answer of the Thingsee API
 * takes 20 ms: the ideal is 32 / 0.020 s = 1,600 calls/s, the target 80 % of it. The portal runs in the test profile
 * on a random port; the simulator's latency and rate limit are set through its control API. Run with
 * {@code ./mvnw -Pbench verify -Dbench=io.thingseeportal.thingsee.live.ClientThroughputBenchmark}; it records its
 * figure in docs/benchmarks.md.
 */
public final class ClientThroughputBenchmark {

    private static final int THREADS = 32;
    private static final long LATENCY_MILLIS = Long.getLong("bench.latency", 20);
    private static final long WARM_UP_SECONDS = Long.getLong("bench.warm-up-seconds", 30);
    private static final int CALLS_PER_THREAD = Integer.getInteger("bench.calls-per-thread", 500);

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .properties("server.port=0")
                .properties(extraProperties())
                .run()) {
            int port = Integer.parseInt(portal.getEnvironment().getRequiredProperty("local.server.port"));
            SimulatorFaults.acme(port).set("{\"apiLatencyMillis\":" + LATENCY_MILLIS + ",\"rateLimit\":1000000}");
            ThingseeClient client = portal.getBean(ThingseeClient.class);
            var stack = new ThingseeStack(
                    URI.create("http://127.0.0.1:" + port + "/simulator/thingsee/v1/"),
                    "acme-demo-client",
                    "acme-demo-secret");
            String tuid = client.listGroupDevices(stack, "unassigned").get(0);

            // Both sides' code must be compiled by the JIT before the clock starts: on 2 cores the compiler threads
            // otherwise take a large share of the measured seconds.
            long warmUpEnds = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnds) {
                run(client, stack, tuid, 50);
            }
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            int calls = run(client, stack, tuid, CALLS_PER_THREAD);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMillisPerCall = (processCpuNanos() - cpuBefore) / 1e6 / calls;
            SimulatorFaults.acme(port).clear();

            double perSecond = calls / seconds;
            // Without latency there is no ideal: the run then shows the CPU's ceiling for client and simulator.
            double ideal = LATENCY_MILLIS > 0 ? THREADS * 1000.0 / LATENCY_MILLIS : Double.POSITIVE_INFINITY;
            String figure = String.format(
                    Locale.ROOT,
                    "%,.0f calls/s = %.0f %% of the ideal %,.0f (%,d getDevice calls in %.2f s, %d threads, %d ms API"
                            + " latency; %.2f ms of CPU per call, client and simulator together)",
                    perSecond,
                    100 * perSecond / ideal,
                    ideal,
                    calls,
                    seconds,
                    THREADS,
                    LATENCY_MILLIS,
                    cpuMillisPerCall);
            System.out.println("Client throughput: " + figure);
            BenchmarkReport.record(
                    Path.of("docs/benchmarks.md"),
                    "client-throughput",
                    "Live Thingsee client against the simulator",
                    figure,
                    perSecond >= 0.8 * ideal
                            ? "meets the target of 80 % of the ideal"
                            : "BELOW the target of 80 % of the ideal");
        }
    }

    /** Every thread makes its calls as fast as the answers come; all start together. */
    private static int run(ThingseeClient client, ThingseeStack stack, String tuid, int callsPerThread)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < callsPerThread; i++) {
                        client.getDevice(stack, tuid);
                    }
                    return callsPerThread;
                }));
            }
            start.countDown();
            int calls = 0;
            for (Future<Integer> thread : done) {
                calls += thread.get();
            }
            return calls;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Settings to try without editing anything: {@code -Dbench.properties="name=value;name=value"}. */
    private static String[] extraProperties() {
        String extra = System.getProperty("bench.properties");
        return extra == null ? new String[0] : extra.split(";");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
