package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The group wizard in the running demo on a 360 px phone: every step fits the screen, and the group is created in the
 * simulated Thingsee over HTTP in the background, the page coming back through push.
 */
class GroupWizardE2E extends DemoBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "group-wizard");

    GroupWizardE2E() {
        super(360, 780);
    }

    @Test
    void an_admin_on_a_phone_creates_a_group_in_the_simulated_thingsee() throws IOException {
        // Headless Chromium keeps its window at least 500 px wide; the page is laid out for a 360 px phone all the
        // same.
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        browser.get(demo.portal() + "/groups/new");
        demo.signIn(browser, "acme-admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("environment")));
        fitsTheScreen("1-environment");

        List<WebElement> environments = browser.findElements(By.cssSelector("#environment vaadin-radio-button"));
        assertThat(environments).hasSize(3);
        environments.get(0).click();
        browser.findElement(By.id("next")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("country")));
        fitsTheScreen("2-country");

        browser.findElement(By.id("next")).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#name input")));
        name.sendKeys("Wizard test – HQ!");
        browser.findElement(By.cssSelector("#description textarea")).sendKeys("Made by the browser test");
        wait.until(ExpectedConditions.textToBe(By.id("id-preview"), "Group id: prfi00wizardtesthq"));
        fitsTheScreen("3-name");

        browser.findElement(By.id("next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("review-id"), "prfi00wizardtesthq"));
        fitsTheScreen("4-review");

        browser.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.urlToBe(demo.portal() + "/groups/prfi00wizardtesthq"));
    }

    /** Nothing is wider than the phone, and a picture of the step is kept for a person to look at. */
    private void fitsTheScreen(String step) throws IOException {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow at %s", step).isLessThanOrEqualTo(0);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(step + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
