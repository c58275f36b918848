package io.thingseeportal.device.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.DemoBrowserTest;
import io.thingseeportal.SimulatorFaults;
import io.thingseeportal.device.DeviceRows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The device page in the running demo on a phone: a simulated device's battery changes in the simulated Thingsee,
 * its message comes over MQTT into the portal, and the open page shows the new level within two seconds, without a
 * reload. The chart draws in the browser.
 */
class DeviceLiveE2E extends DemoBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "device-live");
    /** A device of the chart's test, written straight into the database: the simulator does not know it. */
    private static final String CHART_DEVICE = "TSPR04CHART00001";

    DeviceLiveE2E() {
        super(360, 900);
    }

    @Test
    void the_page_shows_a_new_battery_level_within_two_seconds() throws Exception {
        String tuid = aDeviceOfAcmeThatReportedItsBattery();
        onAPhone();
        browser.get(demo.portal() + "/devices/" + tuid);
        demo.signIn(browser, "acme-installer");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("device-battery")));
        wait.until(driver -> (Boolean) browser.executeScript("const chart = document.querySelector('device-chart');"
                + " return !!(chart && chart.shadowRoot && chart.shadowRoot.querySelector('canvas'));"));
        screenshot("1-opened");
        String before = browser.findElement(By.id("device-battery")).getText();
        int level = before.equals("42 %") ? 41 : 42;
        long messagesBefore = messagesInGrid();

        setBattery(tuid, level);

        new WebDriverWait(browser, Duration.ofSeconds(2))
                .until(ExpectedConditions.textToBe(By.id("device-battery"), level + " %"));
        // The grid is at its top: it shows the new message too.
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(driver -> messagesInGrid() > messagesBefore);
        screenshot("2-updated");
        fitsTheScreen();
    }

    @Test
    void the_chart_draws_a_day_of_readings_in_the_browser() throws Exception {
        String tuid = CHART_DEVICE;
        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        long acme = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DeviceRows.reportingDevice(jdbc, acme, tuid, null, 80, now.minusSeconds(60), 300);
        for (int i = 143; i >= 1; i--) {
            DeviceRows.reading(
                    jdbc, acme, tuid, 1110, now.minus(Duration.ofMinutes(10L * i)), "\"batl\":" + (80 + i / 14));
        }
        onAPhone();
        browser.get(demo.portal() + "/devices/" + tuid);
        demo.signIn(browser, "acme-viewer");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("device-chart")));

        Number inked = wait.until(driver -> (Number) browser.executeScript(INKED_PIXELS));

        browser.executeScript("document.querySelector('device-chart').scrollIntoView({block: 'center'})");
        screenshot("chart");
        assertThat(inked.intValue()).as("pixels the chart drew").isGreaterThan(500);
        assertThat(
                        (String)
                                browser.executeScript(
                                        "return document.querySelector('device-chart').shadowRoot.querySelector('.u-legend').textContent"))
                .contains("(1110)");
        assertThat((Number) browser.executeScript("return document.querySelector('device-chart').plot.data[1].length"))
                .as("points uPlot holds")
                .isEqualTo(143L);
        fitsTheScreen();
    }

    /** How many pixels of the chart's canvas are not transparent, once the chart has a canvas. */
    private static final String INKED_PIXELS = "const chart = document.querySelector('device-chart');"
            + " const canvas = chart && chart.shadowRoot && chart.shadowRoot.querySelector('canvas');"
            + " if (!canvas || canvas.width === 0) { return null; }"
            + " const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
            + " let inked = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { inked++; } }"
            + " return inked > 0 ? inked : null;";

    /**
     * A simulated device the ingest has taken a battery reading of (the simulator reports every 45 s in the demo); not
     * the chart test's device, which may have run first and which the simulator cannot change.
     */
    private static String aDeviceOfAcmeThatReportedItsBattery() {
        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> jdbc.sql("SELECT d.tuid FROM device d JOIN tenant t ON t.id = d.tenant_id"
                                        + " WHERE t.slug = 'acme' AND d.battery_level IS NOT NULL AND d.tuid <> ?"
                                        + " ORDER BY d.tuid")
                                .param(CHART_DEVICE)
                                .query(String.class)
                                .list(),
                        tuids -> !tuids.isEmpty())
                .get(0);
    }

    /** The simulator's control API, with acme's client token: the device publishes a battery message (1110) at once. */
    private static void setBattery(String tuid, int level) throws IOException, InterruptedException {
        String token = SimulatorFaults.acme(URI.create(demo.portal()).getPort()).token();
        var request = HttpRequest.newBuilder(
                        URI.create(demo.portal() + "/simulator/control/devices/acme/" + tuid + "/battery"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"batteryLevel\": " + level + "}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("PUT battery answered %s", response.body())
                .isBetween(200, 299);
    }

    /** How many rows the messages grid in the browser has. */
    private long messagesInGrid() {
        return ((Number) browser.executeScript("return document.getElementById('device-messages').size || 0"))
                .longValue();
    }

    /** Headless Chromium keeps its window at least 500 px wide; the page is laid out for a 360 px phone all the same. */
    private void onAPhone() {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 900, "deviceScaleFactor", 1, "mobile", true));
    }

    private void fitsTheScreen() {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow").isLessThanOrEqualTo(0);
    }

    private void screenshot(String step) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(step + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
