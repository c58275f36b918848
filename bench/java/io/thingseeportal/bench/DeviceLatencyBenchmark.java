package io.thingseeportal.bench;

import io.thingseeportal.Browser;
import io.thingseeportal.RunningDemo;
import io.thingseeportal.bench.BatteryPublisher.Published;
import io.thingseeportal.bench.ScreenLatency.Result;
import io.thingseeportal.bench.ScreenLatency.Shown;
import io.thingseeportal.device.LiveViews;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Message-to-screen latency of the device page, and the heap each open device page costs.
 *
 * <p>The demo (embedded MQTT broker, demo identity provider, simulator) runs in this JVM on a fresh PostgreSQL
 * database ({@code portal_bench_latency}). A Paho client publishes battery messages (1110) straight to the embedded
 * broker under acme's topic root, 200 a second spread over 1,000 devices; 20 of them are watched, each getting about one
 * message a second, each with a battery level its page did not show before. One headless Chromium, signed in once as
 * {@code acme-viewer}, has the 20 device pages open in tabs (background tabs not throttled), and a MutationObserver in
 * each records every change of {@code #device-battery} with {@code Date.now()}. Latency = screen time − publish time,
 * over 5 rounds of 60 s after a 30 s warm-up; target p95 at most 500 ms. Before that, the heap after full GCs with
 * no device page open and with 20 (and 50) open, five times. Run with {@code ./mvnw -Pbench verify
 * -Dbench=io.thingseeportal.bench.DeviceLatencyBenchmark -Dspotless.check.skip=true}; figures go to
 * docs/benchmarks.md.
 */
public final class DeviceLatencyBenchmark {

    private static final String ACCOUNT = "acme-viewer";
    private static final String TOPIC_ROOT = "acme/";
    private static final String GROUP = "prfi00latency";
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int DEVICES = Integer.getInteger("bench.devices", 1000);
    private static final int PAGES = Integer.getInteger("bench.pages", 20);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final long ROUND_SECONDS = Long.getLong("bench.round-seconds", 60);
    private static final long WARM_UP_SECONDS = Long.getLong("bench.warm-up-seconds", 30);
    private static final int HEAP_REPEATS = Integer.getInteger("bench.heap-repeats", 5);
    private static final List<Integer> HEAP_PAGES = Arrays.stream(
                    System.getProperty("bench.heap-pages", "20,50").split(","))
            .map(String::trim)
            .filter(value -> !value.isEmpty())
            .map(Integer::valueOf)
            .toList();
    private static final long TARGET_P95_MILLIS = 500;

    private static final String OBSERVE = "const el = document.getElementById('device-battery');"
            + " window.__latency = [[el.textContent, Date.now()]];"
            + " new MutationObserver(() => window.__latency.push([el.textContent, Date.now()]))"
            + ".observe(el, {childList: true, characterData: true, subtree: true});"
            + " return el.textContent;";

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
        List<String> tuids = IntStream.range(0, DEVICES)
                .mapToObj(i -> String.format(Locale.ROOT, "TSPR04BNCH%06d", i))
                .toList();
        RunningDemo demo = BenchDemo.startOn("portal_bench_latency");
        ChromeDriver browser = null;
        try (var publisher = new BatteryPublisher(
                "tcp://127.0.0.1:" + BenchDemo.brokerPort(demo), TOPIC_ROOT, GROUP, tuids, PAGES)) {
            awaitDevices(demo, publisher, tuids);
            String loadBefore = loadAverage();
            browser = Browser.start(
                    1280,
                    900,
                    "en-GB",
                    "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding",
                    "--disable-backgrounding-occluded-windows");
            String first = browser.getWindowHandle();
            browser.get(demo.portal() + "/devices/" + tuids.get(0));
            demo.signIn(browser, ACCOUNT);
            awaitPage(browser);

            // The heap first, on devices that are not watched later: a page whose unload does not reach the portal
            // lingers on the server until its heartbeats are missed, and should cost nothing while latency is measured.
            List<String> heap = new ArrayList<>();
            for (int pages : HEAP_PAGES) {
                heap.add(heapPerPage(demo, browser, first, tuids, pages));
            }
            closeTabs(demo, browser, first);
            Map<String, Integer> tabs = openPages(demo, browser, first, tuids, 0, PAGES);
            Map<String, String> initial = new HashMap<>();
            for (String tab : tabs.keySet()) {
                browser.switchTo().window(tab);
                initial.put(tab, (String) browser.executeScript(OBSERVE));
            }
            System.out.println("Pages open, battery shown: " + initial.values());

            publisher.start(RATE);
            System.out.println("Warm-up " + WARM_UP_SECONDS + " s at " + RATE + " messages/s");
            Thread.sleep(WARM_UP_SECONDS * 1000);
            long[] bounds = new long[ROUNDS + 1];
            List<String> loads = new ArrayList<>();
            bounds[0] = System.currentTimeMillis();
            for (int round = 1; round <= ROUNDS; round++) {
                Thread.sleep(ROUND_SECONDS * 1000);
                bounds[round] = System.currentTimeMillis();
                loads.add(loadAverage());
                System.out.println("Round " + round + " done, load average " + loads.get(loads.size() - 1));
            }
            publisher.stop();
            Thread.sleep(5000);
            Map<Integer, List<Shown>> shown = collect(browser, tabs);
            List<Published> published = publisher.published();

            String loadAfter = loadAverage();

            List<Result> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Result result = ScreenLatency.of(published, shown, bounds[round], bounds[round + 1]);
                rounds.add(result);
                System.out.println(describe("Round " + (round + 1), result));
            }
            Result all = ScreenLatency.of(published, shown, bounds[0], bounds[ROUNDS]);
            System.out.println(describe("All rounds", all));
            long[] p95s = rounds.stream()
                    .mapToLong(round -> round.percentileOfAll(0.95))
                    .sorted()
                    .toArray();
            long medianP95 = p95s[p95s.length / 2];
            String load = loadBefore + " before, " + String.join(" / ", loads) + " at the rounds' ends, " + loadAfter
                    + " after";
            String figure = String.format(
                    Locale.ROOT,
                    "p95 %s (median of %d rounds' p95; rounds %s to %s); all rounds: median %d, p95 %d, p99 %d,"
                            + " max %d ms over %,d changes shown of %,d published to watched devices; never shown:"
                            + " %d superseded within %d ms, %d superseded later, %d not followed by anything (%d"
                            + " messages/s over %,d devices, %d device pages in one headless Chromium, %d rounds of"
                            + " %d s after %d s warm-up; demo on PostgreSQL; publish failures %d; load average %s)",
                    millis(medianP95),
                    ROUNDS,
                    millis(p95s[0]),
                    millis(p95s[p95s.length - 1]),
                    all.percentile(0.5),
                    all.percentile(0.95),
                    all.percentile(0.99),
                    all.max(),
                    all.shown(),
                    all.published(),
                    all.supersededQuickly(),
                    ScreenLatency.COALESCED_MILLIS,
                    all.supersededLate(),
                    all.neverShown(),
                    RATE,
                    DEVICES,
                    PAGES,
                    ROUNDS,
                    ROUND_SECONDS,
                    WARM_UP_SECONDS,
                    publisher.failures(),
                    load);
            String memory = String.join("; ", heap) + " (after − before) / N, median of " + HEAP_REPEATS
                    + " after full GCs, the portal's JVM (Maven included)";
            System.out.println("Device latency: " + figure);
            System.out.println("Device page heap: " + memory);
            BenchmarkReport.record(
                    report,
                    "device-latency",
                    "Device page, message-to-screen latency at " + RATE + " messages/s, " + PAGES + " pages open",
                    figure,
                    medianP95 <= TARGET_P95_MILLIS
                            ? "meets the target of p95 <= " + TARGET_P95_MILLIS + " ms"
                            : "MISSES the target of p95 <= " + TARGET_P95_MILLIS + " ms");
            BenchmarkReport.record(
                    report, "device-page-heap", "Device page, heap per open page", memory, "measured (no target)");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            demo.close();
        }
    }

    /** A percentile over every message: beyond those shown, it is one that never showed. */
    private static String millis(long value) {
        return value == Long.MAX_VALUE ? "not shown" : value + " ms";
    }

    private static String describe(String what, Result result) {
        return String.format(
                Locale.ROOT,
                "%s: %d published, %d shown; p95 of all %s; of those shown median %d, p95 %d, p99 %d, max %d ms; never"
                        + " shown %d quickly superseded, %d late superseded, %d never",
                what,
                result.published(),
                result.shown(),
                millis(result.percentileOfAll(0.95)),
                result.percentile(0.5),
                result.percentile(0.95),
                result.percentile(0.99),
                result.max(),
                result.supersededQuickly(),
                result.supersededLate(),
                result.neverShown());
    }

    /** Heap after GC with no device page open and with {@code pages} open, {@link #HEAP_REPEATS} times. */
    private static String heapPerPage(
            RunningDemo demo, ChromeDriver browser, String first, List<String> tuids, int pages) throws Exception {
        double[] perPage = new double[HEAP_REPEATS];
        double[] befores = new double[HEAP_REPEATS];
        for (int i = 0; i < HEAP_REPEATS; i++) {
            int left = closeTabs(demo, browser, first);
            double before = heapAfterGc();
            openPages(demo, browser, first, tuids, PAGES, pages);
            double after = heapAfterGc();
            // A UI whose unload did not reach the server stays in both figures; N is what was added.
            int opened = LiveViews.subscriptions(demo.context()) - left;
            befores[i] = before;
            perPage[i] = (after - before) * 1024 / opened;
            System.out.printf(
                    Locale.ROOT,
                    "Heap with %d pages: before %.1f MB (%d views left open), after %.1f MB (%d more), %.0f kB per"
                            + " page%n",
                    pages,
                    before,
                    left,
                    after,
                    opened,
                    perPage[i]);
        }
        double[] sorted = perPage.clone();
        Arrays.sort(sorted);
        Arrays.sort(befores);
        return String.format(
                Locale.ROOT,
                "%d pages: %.0f kB per page (runs %.0f–%.0f kB; heap before %.1f MB)",
                pages,
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1],
                befores[befores.length / 2]);
    }

    /** Opens the pages of {@code count} devices from {@code from} on, each in a tab of its own; the first tab is reused. */
    private static Map<String, Integer> openPages(
            RunningDemo demo, ChromeDriver browser, String first, List<String> tuids, int from, int count) {
        long started = System.nanoTime();
        Map<String, Integer> tabs = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (i == 0) {
                browser.switchTo().window(first);
            } else {
                browser.switchTo().newWindow(WindowType.TAB);
            }
            String url = demo.portal() + "/devices/" + tuids.get(from + i);
            if (!url.equals(browser.getCurrentUrl())) {
                browser.get(url);
            }
            awaitPage(browser);
            tabs.put(browser.getWindowHandle(), from + i);
        }
        System.out.printf(Locale.ROOT, "%d pages opened in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return tabs;
    }

    /**
     * Sends every tab to a blank page (the page's unload closes its UI on the server) and then closes all but the
     * first: no view of the portal should be open afterwards.
     *
     * @return the live views the portal still has, normally none
     */
    private static int closeTabs(RunningDemo demo, ChromeDriver browser, String first) {
        List<String> all = List.copyOf(browser.getWindowHandles());
        for (String tab : all) {
            browser.switchTo().window(tab);
            browser.get("about:blank");
        }
        int left = awaitSubscriptions(demo, 0, Duration.ofSeconds(30), false);
        for (String tab : all) {
            if (!tab.equals(first)) {
                browser.switchTo().window(tab);
                browser.close();
            }
        }
        browser.switchTo().window(first);
        if (left != 0) {
            System.out.println("Live views left open after closing the tabs: " + left);
        }
        return left;
    }

    private static void awaitPage(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textMatches(
                        By.id("device-battery"), java.util.regex.Pattern.compile("\\d+ %")));
    }

    /** The views' subscriptions tell that the server has the pages' UIs (or has closed them). */
    private static int awaitSubscriptions(RunningDemo demo, int expected, Duration timeout, boolean required) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int now;
        while ((now = LiveViews.subscriptions(demo.context())) != expected) {
            if (System.nanoTime() > deadline) {
                if (required) {
                    throw new IllegalStateException("Expected " + expected + " live views, the portal has " + now);
                }
                return now;
            }
            sleep(100);
        }
        return now;
    }

    /**
     * Introduces the devices until the portal knows all of them: the broker drops what it gets before the portal's
     * stream has subscribed.
     */
    private static void awaitDevices(RunningDemo demo, BatteryPublisher publisher, List<String> tuids)
            throws Exception {
        var jdbc = demo.context().getBean(JdbcClient.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (int attempt = 0; ; attempt++) {
            if (attempt % 20 == 0) {
                publisher.introduceAll();
            }
            long known = jdbc.sql("SELECT count(*) FROM device WHERE tuid LIKE 'TSPR04BNCH%' AND battery_level = ?")
                    .param(BatteryPublisher.FIRST_LEVEL)
                    .query(Long.class)
                    .single();
            if (known == tuids.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + known + " of " + tuids.size() + " devices arrived");
            }
            sleep(500);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, List<Shown>> collect(ChromeDriver browser, Map<String, Integer> tabs) {
        Map<Integer, List<Shown>> shown = new HashMap<>();
        tabs.forEach((tab, device) -> {
            browser.switchTo().window(tab);
            var log = (List<List<Object>>) browser.executeScript("return window.__latency;");
            shown.put(
                    device,
                    log.stream()
                            .map(entry -> new Shown((String) entry.get(0), ((Number) entry.get(1)).longValue()))
                            .toList());
        });
        return shown;
    }

    private static double heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
