package io.thingseeportal.installation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.Browser;
import io.thingseeportal.DemoBrowserTest;
import io.thingseeportal.installation.LabelFrames;
import io.thingseeportal.installation.LabelFrames.Distortion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

        awaitText(By.id("scan-tuid"), "TSPR04EZU31901021");

        assertThat(browser.findElement(By.id("scan-product")).getText()).isEqualTo("Thingsee PRESENCE");
        wait.until(driver -> (Boolean) browser.executeScript(
                "const video = document.querySelector('qr-code-scanner').shadowRoot.querySelector('video');"
                        + " return video.srcObject === null;"));
        screenshot("found");
    }

    @Test
    void a_photo_of_a_label_shows_the_sensor() throws Exception {
        Path photo = Files.createTempFile("label", ".jpg");
        Files.write(
                photo,
                LabelFrames.jpeg(
                        LabelFrames.frame(
                                "I#TSAP01,W#15056570,S#EWL14500663",
                                new Distortion(260, -12, 15, 60, 0.1, 0.8, 0, 2, 0, false),
                                new Random(5)),
                        85));
        // Its posts are recorded, so that a failed wait says whether and how the upload was answered.
        useBrowser(Browser.startLoggingNetwork(412, 915));
        browser.get(demo.portal() + "/scan");
        demo.signIn(browser, "acme-installer");
        var upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("photo-upload")));

        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());

        awaitText(By.id("scan-tuid"), "TSAP01EWL14500663");
        assertThat(browser.findElement(By.id("scan-product")).getText()).isEqualTo("Thingsee COUNT");
    }

    @Test
    void without_a_camera_the_page_says_so_and_a_typed_tuid_still_works_on_a_360_pixel_phone() throws Exception {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 640, "deviceScaleFactor", 1, "mobile", true));
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

        awaitText(By.id("scan-tuid"), "TSAP01EWL14500663");
        screenshot("typed-360");
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow at 360 px").isLessThanOrEqualTo(0);
        @SuppressWarnings("unchecked")
        List<String> small =
                (List<String>) browser.executeScript("return [...document.querySelectorAll('.scan-view vaadin-button')]"
                        + ".filter(button => button.offsetParent !== null)"
                        + ".filter(button => button.getBoundingClientRect().height < 44)"
                        + ".map(button => button.id || button.textContent.trim())");
        assertThat(small).as("buttons shorter than a 44 px touch target").isEmpty();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
