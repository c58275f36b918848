package io.thingseeportal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages ({@code chromium}, {@code chromium-driver}), never a downloaded one.
 * Paths can be changed with {@code PORTAL_TEST_CHROMIUM} and {@code PORTAL_TEST_CHROMEDRIVER}.
 */
public final class Browser {

    private static final String CHROMIUM = System.getenv().getOrDefault("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium");
    private static final String DRIVER =
            System.getenv().getOrDefault("PORTAL_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {}

    public static ChromeDriver start(int width, int height) {
        return start(width, height, "en-GB");
    }

    /** A browser whose preferred language (Accept-Language) is the given one. */
    public static ChromeDriver start(int width, int height, String language) {
        return start(width, height, language, new String[0]);
    }

    /** A browser with Chromium switches of the caller's on top, for example to keep background tabs running. */
    public static ChromeDriver start(int width, int height, String language, String... extraArguments) {
        return start(width, height, language, options -> {}, extraArguments);
    }

    /**
     * A browser whose DevTools network events can be read ({@code driver.manage().logs().get("performance")}), for
     * measuring what the page sends.
     */
    public static ChromeDriver startLoggingNetwork(int width, int height, String... extraArguments) {
        return start(
                width,
                height,
                "en-GB",
                options -> options.setCapability(
                        "goog:loggingPrefs", java.util.Map.of("performance", "ALL", "browser", "ALL")),
                extraArguments);
    }

    private static ChromeDriver start(
            int width,
            int height,
            String language,
            java.util.function.Consumer<ChromeOptions> more,
            String... extraArguments) {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + width + "," + height,
                "--lang=" + language,
                "--user-data-dir=" + freshProfile());
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        // The page's console, read by a failing test to say what the page's scripts complained of.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        more.accept(options);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory("portal-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
