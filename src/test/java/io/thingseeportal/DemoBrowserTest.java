package io.thingseeportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: a running demo shared with the neighbouring classes of the same {@link DemoArguments}
 * ({@link SharedDemos}), a fresh headless Chromium per test.
 */
@Tag("browser")
public abstract class DemoBrowserTest {

    @RegisterExtension
    static final SharedDemos DEMOS = new SharedDemos();

    protected static RunningDemo demo;

    private final int width;
    private final int height;
    protected ChromeDriver browser;
    protected WebDriverWait wait;

    /** The browser's window size: a phone's (412 × 915) or a desk's. */
    protected DemoBrowserTest(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeEach
    void openBrowser() {
        useBrowser(Browser.start(width, height));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /**
     * Waits for the element's text; on a time-out the failure says what the page showed instead (its visible text), so
     * that a failure in CI explains itself.
     */
    protected void awaitText(By element, String text) {
        try {
            wait.until(ExpectedConditions.textToBe(element, text));
        } catch (TimeoutException e) {
            String page;
            try {
                page = browser.findElement(By.tagName("body")).getText();
            } catch (RuntimeException unreadable) {
                page = "(unreadable: " + unreadable + ")";
            }
            throw new AssertionError(
                    "Waited for " + element + " to read " + text + "; the page showed:\n" + page
                            + "\nThe page's console:\n" + console()
                            + "\nThe page's requests to the portal (with network logging):\n" + requests()
                            + "\nThe portal's threads that were not idle:\n" + portalThreads(),
                    e);
        }
    }

    private String console() {
        try {
            var lines = new StringBuilder();
            browser.manage()
                    .logs()
                    .get("browser")
                    .forEach(entry -> lines.append("  ")
                            .append(entry.getLevel())
                            .append(' ')
                            .append(entry.getMessage())
                            .append('\n'));
            return lines.toString();
        } catch (RuntimeException unreadable) {
            return "(unreadable: " + unreadable + ")\n";
        }
    }

    /** The posts (UIDL, uploads) and push connections the page opened, and how each ended, from DevTools' events. */
    private String requests() {
        try {
            var mapper = new ObjectMapper();
            var posts = new java.util.HashSet<String>();
            var lines = new StringBuilder();
            for (var entry : browser.manage().logs().get("performance")) {
                JsonNode message = mapper.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                String id = params.path("requestId").asText();
                String what;
                if (method.equals("Network.requestWillBeSent")
                        && params.path("request").path("method").asText().equals("POST")) {
                    posts.add(id);
                    what = params.path("request").path("url").asText();
                } else if (posts.contains(id) && method.equals("Network.responseReceived")) {
                    what = String.valueOf(params.path("response").path("status").asInt());
                } else if (posts.contains(id) && method.equals("Network.loadingFailed")) {
                    what = params.path("errorText").asText();
                } else if (posts.contains(id) && method.equals("Network.loadingFinished")) {
                    what = "";
                } else if (method.startsWith("Network.webSocket") && !method.contains("Frame")) {
                    what = params.path("url").asText(params.path("errorMessage").asText());
                } else {
                    continue;
                }
                lines.append("  ")
                        .append(java.time.Instant.ofEpochMilli(entry.getTimestamp()))
                        .append(' ')
                        .append(id)
                        .append(' ')
                        .append(method)
                        .append(' ')
                        .append(what)
                        .append('\n');
            }
            return lines.toString();
        } catch (RuntimeException | java.io.IOException unreadable) {
            return "(unreadable: " + unreadable + ")\n";
        }
    }

    /** The stacks of the threads in portal or Vaadin code or serving a request (the demo runs in this JVM). */
    private static String portalThreads() {
        var dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean ours = java.util.Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().startsWith("io.thingseeportal")
                            || frame.getClassName().startsWith("com.vaadin.flow.server")
                            || frame.getClassName().startsWith("org.apache.catalina.core"));
            if (ours && thread != Thread.currentThread()) {
                dump.append(thread.getName())
                        .append(' ')
                        .append(thread.getState())
                        .append('\n');
                for (int i = 0; i < Math.min(stack.length, 25); i++) {
                    dump.append("    at ").append(stack[i]).append('\n');
                }
            }
        });
        return dump.toString();
    }

    /** Replaces the test's browser, for example with one that prefers another language. */
    protected void useBrowser(ChromeDriver replacement) {
        if (browser != null) {
            browser.quit();
        }
        browser = replacement;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
