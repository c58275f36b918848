package io.thingseeportal.installation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.Browser;
import io.thingseeportal.DemoBrowserTest;
import io.thingseeportal.installation.LabelFrames;
import io.thingseeportal.installation.LabelFrames.Distortion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The scanner in headless Chromium on a phone-sized window: its fake camera plays a video of a sensor label, and the
 * page shows the sensor; without a camera the page says so and the typed code still works.
 */
class ScanE2E extends DemoBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "scan");

    ScanE2E() {
        super(412, 915);
    }

    @Test
    void the_camera_reads_a_sensor_label_and_lets_go_of_the_camera() throws Exception {
        Path video = Files.createTempFile("label", ".y4m");
        LabelFrames.y4m(
                LabelFrames.frame(
                        LabelFrames.LEGACY_LABEL,
                        new Distortion(220, 8, 10, 30, 0.1, 0.9, 0, 2, 0, false),
                        new Random(3)),
                video);
        useBrowser(Browser.start(
                412,
                915,
                "en-GB",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video));
        browser.get(demo.portal() + "/scan");
        demo.signIn(browser, "acme-installer");

        wait.until(ExpectedConditions.textToBe(By.id("scan-tuid"), "TSPR04EZU31901021"));

        assertThat(browser.findElement(By.id("scan-product")).getText()).isEqualTo("Thingsee PRESENCE");
        wait.until(driver -> (Boolean) browser.executeScript(
                "const video = document.querySelector('qr-code-scanner').shadowRoot.querySelector('video');"
                        + " return video.srcObject === null;"));
        screenshot("found");
    }

    @Test
    void without_a_camera_the_page_says_so_and_a_typed_tuid_still_works() throws Exception {
        browser.get(demo.portal() + "/scan");
        demo.signIn(browser, "acme-installer");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-message")));
        assertThat(browser.findElement(By.id("scan-message")).getText()).containsIgnoringCase("camera");
        screenshot("no-camera");
        assertThat((String) browser.executeScript(
                        "return document.querySelector('#photo-upload').$.fileInput.getAttribute('capture')"))
                .as("the photo input asks phones for their rear camera")
                .isEqualTo("environment");

        var typed = browser.findElement(By.id("typed"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", typed);
        typed.click();
        var field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#typed-code input")));
        field.sendKeys("TSAP01EWL14500663");
        browser.findElement(By.id("typed-check")).click();

        wait.until(ExpectedConditions.textToBe(By.id("scan-tuid"), "TSAP01EWL14500663"));
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing overflows the phone's width")
                .isTrue();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
