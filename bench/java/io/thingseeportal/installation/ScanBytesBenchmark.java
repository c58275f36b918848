package io.thingseeportal.installation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.Browser;
import io.thingseeportal.RunningDemo;
import io.thingseeportal.bench.BenchmarkReport;
import io.thingseeportal.installation.LabelFrames.Distortion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the phone sends per successful scan, on the weak-signal path: headless Chromium's fake camera plays a video of
 * a sensor label (drawn from a seed, as the decoder benchmark's frames are), and every request the page sends from
 * opening the scanner to showing the sensor is counted from the browser's own network log: request line and headers
 * (as sent) and body. Chromium on Linux has no {@code BarcodeDetector}, so the frames themselves go to the server: the
 * costlier of the scanner's two paths (a phone with the detector sends only the code's text).
 *
 * <p>{@code -Dbench.runs=N} (default 7) scans, each in a fresh browser; figures go to docs/benchmarks.md.
 */
public final class ScanBytesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanBytesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        var bytes = new ArrayList<Long>();
        var uidlBytes = new ArrayList<Long>();
        var requests = new ArrayList<Integer>();
        var seconds = new ArrayList<Double>();
        try (RunningDemo demo = RunningDemo.start()) {
            for (int run = 0; run < runs; run++) {
                Random random = new Random(100 + run);
                String label = run % 2 == 0 ? LabelFrames.LEGACY_LABEL : "I#TSAP01,W#15056570,S#EWL14500663";
                Path video = Files.createTempFile("label", ".y4m");
                LabelFrames.y4m(
                        LabelFrames.frame(
                                label,
                                new Distortion(
                                        160 + random.nextInt(120),
                                        random.nextInt(41) - 20,
                                        random.nextInt(21),
                                        30,
                                        0.2,
                                        0.85,
                                        0,
                                        2,
                                        0,
                                        false),
                                random),
                        video);
                ChromeDriver browser = Browser.startLoggingNetwork(
                        412,
                        915,
                        "--use-fake-ui-for-media-stream",
                        "--use-fake-device-for-media-stream",
                        "--use-file-for-fake-video-capture=" + video);
                try {
                    browser.get(demo.portal() + "/my-work");
                    demo.signIn(browser, "acme-installer");
                    new WebDriverWait(browser, Duration.ofSeconds(30))
                            .until(ExpectedConditions.presenceOfElementLocated(By.id("my-work-scan")));
                    browser.manage().logs().get("performance");
                    long started = System.nanoTime();
                    browser.get(demo.portal() + "/scan");
                    new WebDriverWait(browser, Duration.ofSeconds(60))
                            .until(ExpectedConditions.presenceOfElementLocated(By.id("scan-tuid")));
                    seconds.add((System.nanoTime() - started) / 1e9);
                    long sent = 0;
                    long uidl = 0;
                    int count = 0;
                    for (LogEntry entry : browser.manage().logs().get("performance")) {
                        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                            JsonNode request = message.path("params").path("request");
                            long size = requestBytes(request);
                            sent += size;
                            if (request.path("url").asText().contains("v-r=uidl")) {
                                uidl += size;
                            }
                            count++;
                        }
                    }
                    bytes.add(sent);
                    uidlBytes.add(uidl);
                    requests.add(count);
                    System.out.printf(
                            Locale.ROOT,
                            "run %d: %,d bytes in %d requests (%,d to the view)%n",
                            run + 1,
                            sent,
                            count,
                            uidl);
                } finally {
                    browser.quit();
                    Files.deleteIfExists(video);
                }
            }
        }
        long[] sorted = bytes.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted[sorted.length / 2];
        long[] sortedUidl =
                uidlBytes.stream().mapToLong(Long::longValue).sorted().toArray();
        int[] sortedRequests =
                requests.stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] sortedSeconds =
                seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String figure = String.format(
                Locale.ROOT,
                "median %,d bytes sent per scan (runs %,d–%,d) in a median %d requests (%d–%d), of which %,d"
                        + " (%,d–%,d) in the view's own requests (Vaadin's UIDL: the frames; the rest loads the page),"
                        + " from opening the scanner to the sensor shown in a median %.1f s; %d scans of generated label videos"
                        + " (codes of 160–280 px, turned up to 20°, tilted up to 20°), headless Chromium without"
                        + " BarcodeDetector, so the frames (at most 800 px, JPEG) went to the server; counted from the"
                        + " browser's network log (request line, headers and body of every request)",
                median,
                sorted[0],
                sorted[sorted.length - 1],
                sortedRequests[sortedRequests.length / 2],
                sortedRequests[0],
                sortedRequests[sortedRequests.length - 1],
                sortedUidl[sortedUidl.length / 2],
                sortedUidl[0],
                sortedUidl[sortedUidl.length - 1],
                sortedSeconds[sortedSeconds.length / 2],
                sorted.length);
        System.out.println(figure);
        BenchmarkReport.record(
                Path.of("docs", "benchmarks.md"),
                "scan-bytes",
                "Scanner, bytes the phone sends per successful scan",
                figure,
                "measured (no target)");
        System.out.println("All runs: " + Arrays.toString(sorted));
    }

    /** The request as sent: its line, its headers and its body. */
    private static long requestBytes(JsonNode request) {
        long size = (request.path("method").asText() + " " + request.path("url").asText() + " HTTP/1.1\r\n").length();
        var names = request.path("headers").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            size += name.length()
                    + 2
                    + request.path("headers").path(name).asText().length()
                    + 2;
        }
        List<String> parts = new ArrayList<>();
        request.path("postDataEntries")
                .forEach(entry -> parts.add(entry.path("bytes").asText()));
        if (!parts.isEmpty()) {
            // Base64 of the body's bytes.
            for (String part : parts) {
                size += java.util.Base64.getDecoder().decode(part).length;
            }
        } else if (request.has("postData")) {
            size += request.path("postData").asText().getBytes(StandardCharsets.UTF_8).length;
        } else if (request.path("hasPostData").asBoolean()) {
            throw new IllegalStateException("The network log left out a request's body: " + request.path("url"));
        }
        return size;
    }
}
