package io.thingseeportal.installation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingseeportal.Browser;
import io.thingseeportal.DemoArguments;
import io.thingseeportal.DemoBrowserTest;
import io.thingseeportal.installation.LabelFrames;
import io.thingseeportal.installation.LabelFrames.Distortion;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.simulator.DeviceLabel;
import io.thingseeportal.simulator.SimulatorLabelService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A whole installation in headless Chromium on a 360 × 640 phone: the fake camera plays a video of a simulated
 * device's label; the installer picks an asset and a group and confirms; the simulator then has the device installed
 * in that group, and the done screen shows the sensor alive. No screen on the way scrolls sideways or has a button
 * smaller than a 44 px touch target.
 *
 * <p>The demo's devices report every few seconds, so that the liveness check has a message soon.
 */
@DemoArguments("--portal.simulator.report-interval-scale=0.02")
class InstallE2E extends DemoBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "install");

    InstallE2E() {
        super(360, 640);
    }

    @Test
    void an_installer_scans_a_sensor_picks_its_place_and_group_and_sees_it_installed_and_alive() throws Exception {
        WebClient thingsee = simulatorApi();
        DeviceLabel label = aNewSensor(thingsee);
        Path video = Files.createTempFile("label", ".y4m");
        LabelFrames.y4m(
                LabelFrames.frame(
                        label.legacyQr(), new Distortion(220, 6, 10, 30, 0.1, 0.9, 0, 2, 0, false), new Random(7)),
                video);
        useBrowser(Browser.start(
                360,
                640,
                "en-GB",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video));
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 640, "deviceScaleFactor", 1, "mobile", true));
        theFirstGroupSyncHasRun();
        browser.get(demo.portal() + "/scan");
        demo.signIn(browser, "acme-installer");

        awaitText(By.id("scan-tuid"), label.tuid());
        fitsThePhone("scanned");
        click(By.id("scan-install"));

        wait.until(ExpectedConditions.textToBe(By.id("work-step"), "Step 1 of 4: Place"));
        fitsThePhone("asset");
        String space = choose("work-asset", "Lobby");
        click(By.id("work-next"));

        String group = groupAndConfirm(label, space);

        assertThat(installationStatus(thingsee, label.tuid())).isEqualTo("installed");
        assertThat(deviceGroup(thingsee, label.tuid())).isEqualTo(groupId(group));
        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.textToBe(By.id("work-liveness"), "Sensor is alive (last message just now)."));
        fitsThePhone("done");

        browser.get(demo.portal() + "/my-work");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-work-today"), label.tuid()));
        fitsThePhone("my-work");
    }

    @Test
    void a_photo_of_the_label_starts_the_installation_at_a_place_added_on_the_spot() throws Exception {
        WebClient thingsee = simulatorApi();
        DeviceLabel label = aNewSensor(thingsee);
        Path photo = Files.createTempFile("label", ".jpg");
        Files.write(
                photo,
                LabelFrames.jpeg(
                        LabelFrames.frame(
                                label.haltianQr() == null ? label.legacyQr() : label.haltianQr(),
                                new Distortion(260, -8, 12, 40, 0.1, 0.85, 0, 2, 0, false),
                                new Random(9)),
                        85));
        // Its posts are recorded, so that a failed wait says whether and how the upload was answered.
        useBrowser(Browser.startLoggingNetwork(360, 640));
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 640, "deviceScaleFactor", 1, "mobile", true));
        theFirstGroupSyncHasRun();
        browser.get(demo.portal() + "/scan");
        demo.signIn(browser, "acme-installer");

        var upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("photo-upload")));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
        awaitText(By.id("scan-tuid"), label.tuid());
        click(By.id("scan-install"));

        wait.until(ExpectedConditions.textToBe(By.id("work-step"), "Step 1 of 4: Place"));
        click(By.id("work-asset-add"));
        choose("work-asset-parent", "Basement");
        browser.findElement(By.cssSelector("#work-asset-name input")).sendKeys("Boiler room");
        click(By.id("work-asset-create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("work-asset-added"), "Boiler room"));
        fitsThePhone("asset-added");
        click(By.id("work-next"));

        String group = groupAndConfirm(label, "Boiler room");

        assertThat(installationStatus(thingsee, label.tuid())).isEqualTo("installed");
        assertThat(deviceGroup(thingsee, label.tuid())).isEqualTo(groupId(group));
    }

    @Test
    void an_installed_sensors_page_and_the_replacement_it_starts_fit_the_phone() throws Exception {
        WebClient thingsee = simulatorApi();
        DeviceLabel installed = aSensor(thingsee, true, null);
        DeviceLabel spare = aSensor(thingsee, false, installed.productName());
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 640, "deviceScaleFactor", 1, "mobile", true));
        theFirstGroupSyncHasRun();
        browser.get(demo.portal() + "/devices/" + installed.tuid());
        demo.signIn(browser, "acme-installer");

        // The sync records the device installed just after it brings the groups in.
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            if (!browser.findElements(By.id("device-replace")).isEmpty()) {
                return true;
            }
            browser.navigate().refresh();
            return false;
        });
        fitsThePhone("device");
        click(By.id("device-replace"));

        wait.until(ExpectedConditions.textToBe(By.id("work-step"), "Replacement"));
        fitsThePhone("replacement");
        click(By.id("work-scan-replacement"));

        var typed = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("typed")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", typed);
        typed.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#typed-code input")))
                .sendKeys(spare.tuid());
        click(By.id("typed-check"));
        wait.until(ExpectedConditions.textToBe(By.id("scan-install"), "Replace with this sensor"));
        fitsThePhone("replacement-scanned");
        click(By.id("scan-install"));

        // The portal knows no place of the old sensor yet, so the new one's place is chosen first.
        wait.until(ExpectedConditions.textToBe(By.id("work-step"), "Step 1 of 4: Place"));
        assertThat(browser.findElement(By.cssSelector(".work-header")).getText())
                .contains("Replaces " + installed.tuid());
        fitsThePhone("replacement-place");
    }

    /** From the group step to the done screen: picks the first group; returns the group's choice text. */
    private String groupAndConfirm(DeviceLabel label, String place) throws Exception {
        wait.until(ExpectedConditions.textToBe(By.id("work-step"), "Step 2 of 4: Group"));
        fitsThePhone("group");
        String group = choose("work-group", "");
        click(By.id("work-next"));

        wait.until(ExpectedConditions.textToBe(By.id("work-step"), "Step 3 of 4: Confirm"));
        assertThat(browser.findElement(By.id("work-summary")).getText()).contains(label.tuid(), place);
        fitsThePhone("confirm");
        click(By.id("work-confirm"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("work-done")));
        return group;
    }

    /** A sensor (not a gateway) of the demo's Acme stack that Thingsee has not installed. */
    private static DeviceLabel aNewSensor(WebClient thingsee) {
        return aSensor(thingsee, false, null);
    }

    /** A sensor (not a gateway) of the demo's Acme stack that Thingsee has installed, or not; of a product, if named. */
    private static DeviceLabel aSensor(WebClient thingsee, boolean installed, @Nullable String product) {
        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        long acme = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
        var admin = new PortalUser("e2e", "E2E", Set.of(AppRoles.ADMIN), acme, "acme", "Acme Facilities");
        List<DeviceLabel> labels = demo.context()
                .getBean(CurrentUser.class)
                .runAs(
                        admin,
                        () -> demo.context()
                                .getBean(SimulatorLabelService.class)
                                .labelsOfCurrentTenant());
        return labels.stream()
                .filter(label -> !label.productName().toUpperCase(Locale.ROOT).contains("GATEWAY"))
                .filter(label -> product == null || product.equals(label.productName()))
                .filter(label -> installed == "installed".equals(installationStatus(thingsee, label.tuid())))
                .findFirst()
                .orElseThrow();
    }

    /** The demo's first group sync (soon after start) brings the simulated stack's groups into the portal. */
    private static void theFirstGroupSyncHasRun() {
        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM deployment_group g JOIN tenant t ON t.id = g.tenant_id"
                                        + " WHERE t.slug = 'acme'")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /** Types into a combo box and picks the first choice that appears; returns its text. */
    private String choose(String id, String typed) {
        WebElement input = browser.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(typed);
        WebElement item =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-combo-box-item")));
        String text = item.getText();
        item.click();
        wait.until(driver -> browser.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .noneMatch(WebElement::isDisplayed));
        return text;
    }

    private static String groupId(String choice) {
        return choice.split(" · ")[0].strip();
    }

    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** The screen does not scroll sideways, and every visible button is at least 44 px tall. */
    private void fitsThePhone(String screen) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(screen + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue())
                .as("horizontal overflow on the %s screen", screen)
                .isLessThanOrEqualTo(0);
        @SuppressWarnings("unchecked")
        List<String> small =
                (List<String>) browser.executeScript("return [...document.querySelectorAll('vaadin-button')]"
                        + ".filter(button => button.offsetParent !== null)"
                        + ".filter(button => button.getBoundingClientRect().height < 44)"
                        + ".map(button => button.id || button.textContent.trim())");
        assertThat(small).as("buttons under 44 px on the %s screen", screen).isEmpty();
    }

    private static WebClient simulatorApi() {
        String base = demo.portal().replace("localhost", "127.0.0.1") + "/simulator/thingsee/v1/";
        String token = WebClient.create(base)
                .post()
                .uri("auth/client-token")
                .bodyValue(Map.of("client_id", "acme-demo-client", "client_secret", "acme-demo-secret"))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .block()
                .path("data")
                .path("token")
                .asText();
        return WebClient.builder()
                .baseUrl(base)
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
    }

    private static String installationStatus(WebClient thingsee, String tuid) {
        JsonNode history = thingsee.get()
                .uri("things/{tuid}/installations?limit=1", tuid)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .block()
                .path("data");
        return history.isEmpty()
                ? ""
                : history.get(0).path("installation_status").asText();
    }

    private static String deviceGroup(WebClient thingsee, String tuid) {
        return thingsee.get()
                .uri("things/{tuid}/group", tuid)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .block()
                .path("data")
                .path("group_id")
                .asText();
    }
}
