package io.thingseeportal.deviceconfig.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.DemoArguments;
import io.thingseeportal.DemoBrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remote configuration in the running demo, in headless Chromium: an admin opens a simulated PRESENCE sensor's page,
 * fills in the 13200 form built from the catalog, sends it to the simulated Thingsee, and the device's echo, which
 * comes over the embedded broker, turns the command's badge to Confirmed on the open page through push.
 *
 * <p>The demo's devices report every few seconds, so that the portal soon knows some PRESENCE sensors.
 */
@DemoArguments("--portal.simulator.report-interval-scale=0.02")
class RemoteConfigurationE2E extends DemoBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "remote-configuration");
    private static final String NOT_RELOADED = "window.remoteConfigurationE2E";

    RemoteConfigurationE2E() {
        super(1280, 900);
    }

    @Test
    void an_admin_sets_the_threshold_sends_it_and_sees_the_command_confirmed_without_a_reload() throws IOException {
        openTheMotionSensorForm(presenceSensors().get(0));
        setThreshold("250");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("configuration-preview"), "\"threshold\" : 250"));
        screenshot("1-form");
        browser.executeScript(NOT_RELOADED + " = true");

        browser.findElement(By.id("configuration-send")).click();

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("configuration-dialog")));
        wait.until(driver -> "CONFIRMED".equals(newestState()));
        screenshot("2-confirmed");
        assertThat(browser.executeScript("return " + NOT_RELOADED + " === true"))
                .as("the same page, not reloaded")
                .isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#device-commands .command-state")))
                .as("the device's commands")
                .hasSize(1);
    }

    @Test
    void an_out_of_range_threshold_shows_the_fields_error_and_keeps_send_disabled() throws IOException {
        openTheMotionSensorForm(presenceSensors().get(1));

        setThreshold("5000");

        WebElement threshold = browser.findElement(By.id("parameter-threshold"));
        wait.until(driver -> threshold.getAttribute("invalid") != null);
        String error = browser.findElement(By.cssSelector("#parameter-threshold [slot='error-message']"))
                .getText();
        screenshot("3-out-of-range");
        assertThat(error).isEqualTo("must be between 60 and 1,100");
        assertThat(browser.findElement(By.id("configuration-send")).getAttribute("disabled"))
                .as("Send disabled")
                .isNotNull();
        assertThat(browser.findElements(By.cssSelector("#device-commands .command-state")))
                .as("nothing sent")
                .isEmpty();
    }

    /** Signs in as Acme's admin on the device's page, opens Configure… and picks the motion sensor message (13200). */
    private void openTheMotionSensorForm(String tuid) {
        browser.get(demo.portal() + "/devices/" + tuid);
        demo.signIn(browser, "acme-admin");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("device-configure")))
                .click();
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("configuration-message")));
        if (!message.getText().contains("(13200)")) {
            message.click();
            wait.until(ExpectedConditions.elementToBeClickable(
                            By.xpath("//vaadin-select-item[contains(., '(13200)')]")))
                    .click();
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("configuration-preview"), "\"tsmId\" : 13200"));
    }

    /** Types the value over the field's current one and leaves the field, as a person does. */
    private void setThreshold(String value) {
        WebElement input =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#parameter-threshold input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    /** The state of the newest command in the grid (its first row), or null while the grid has none. */
    private String newestState() {
        return (String) browser.executeScript("const grid = document.getElementById('device-commands');"
                + " const row = [...grid.shadowRoot.querySelectorAll('tbody#items tr')].find(tr => tr.index === 0);"
                + " if (!row) { return null; }"
                + " for (const cell of row.querySelectorAll('td')) {"
                + "   const badge = cell._content && cell._content.querySelector('.command-state');"
                + "   if (badge) { return badge.getAttribute('data-state'); } }"
                + " return null;");
    }

    /** Two PRESENCE sensors of Acme that the portal knows from the data stream, and that have no commands yet. */
    private static List<String> presenceSensors() {
        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        return await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> jdbc.sql("SELECT d.tuid FROM device d JOIN tenant t ON t.id = d.tenant_id"
                                        + " WHERE t.slug = 'acme' AND d.tuid LIKE 'TSPR%' AND NOT EXISTS"
                                        + " (SELECT 1 FROM device_command c WHERE c.tuid = d.tuid) ORDER BY d.tuid")
                                .query(String.class)
                                .list(),
                        tuids -> tuids.size() >= 2);
    }

    private void screenshot(String step) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(step + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
