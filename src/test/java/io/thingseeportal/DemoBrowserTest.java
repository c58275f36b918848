package io.thingseeportal;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Base of the browser tests: one running demo per test class, a fresh headless Chromium per test. */
public abstract class DemoBrowserTest {

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

    @BeforeAll
    static void startTheDemo() {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stopTheDemo() {
        if (demo != null) {
            demo.close();
        }
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
                            + "\nThe portal's threads that were not idle:\n" + portalThreads(),
                    e);
        }
    }

    /** The stacks of the threads in portal or Vaadin code (the demo runs in this JVM): who holds or waits for what. */
    private static String portalThreads() {
        var dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean ours = java.util.Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().startsWith("io.thingseeportal")
                            || frame.getClassName().startsWith("com.vaadin.flow.server"));
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
