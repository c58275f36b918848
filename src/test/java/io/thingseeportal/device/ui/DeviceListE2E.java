package io.thingseeportal.device.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.DemoBrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The device list in the running demo on a 360 × 800 phone: the simulated fleet's devices as cards, the first of them on
 * the first screen, nothing wider than the screen, the TUID search narrowing the cards, and a tap on a card opening the
 * device's page.
 */
class DeviceListE2E extends DemoBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "device-list");
    private static final int WIDTH = 360;
    private static final int HEIGHT = 800;

    DeviceListE2E() {
        super(WIDTH, HEIGHT);
    }

    @Test
    void on_a_phone_the_devices_are_cards_that_fit_the_screen_filter_and_open_a_device() throws Exception {
        onAPhone();
        browser.get(demo.portal() + "/devices");
        demo.signIn(browser, "acme-installer");
        // The simulated sensors report every 45 s; the list shows each device as its first message arrives.
        new WebDriverWait(browser, Duration.ofMinutes(2))
                .until(driver -> !browser.findElements(By.cssSelector(".device-list-card"))
                        .isEmpty());
        screenshot("1-cards");
        assertThat(visibleColumnHeaders()).as("the desk's column headers").isZero();
        assertThat(firstCardBottom()).as("the first card's bottom, unscrolled").isLessThanOrEqualTo(HEIGHT);
        fitsTheScreen();

        String tuid = cardTuids().get(0);
        WebElement search = browser.findElement(By.cssSelector("#device-search input"));
        search.click();
        search.sendKeys(tuid.substring(tuid.length() - 8));
        wait.until(driver -> cardTuids().equals(List.of(tuid)));
        screenshot("2-filtered");
        fitsTheScreen();

        // The grid keeps hidden row elements besides the one card shown (while it renders anew after a live update, one
        // of them may show for a moment), and the live list may render the card anew (a message, the minute's
        // "min ago") between finding and tapping it: tap the shown card of this device.
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            Optional<WebElement> shown = browser.findElements(By.cssSelector(".device-list-card")).stream()
                    .filter(WebElement::isDisplayed)
                    .filter(card -> card.getText().contains(tuid))
                    .findFirst();
            shown.ifPresent(WebElement::click);
            return shown.isPresent();
        });

        wait.until(ExpectedConditions.urlToBe(demo.portal() + "/devices/" + tuid));
        wait.until(ExpectedConditions.textToBe(By.id("device-title"), tuid));
        screenshot("3-device");
        fitsTheScreen();
    }

    /** Headless Chromium keeps its window at least 500 px wide; the page is laid out for a 360 px phone all the same. */
    private void onAPhone() {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The TUIDs on the cards shown, read in one go: the live list may replace a card at any moment. */
    @SuppressWarnings("unchecked")
    private List<String> cardTuids() {
        return (List<String>)
                browser.executeScript("return [...document.querySelectorAll('.device-list-card .device-list-tuid')]"
                        + ".filter(tuid => tuid.offsetParent !== null).map(tuid => tuid.textContent)");
    }

    /**
     * The bottom of the card shown first: the topmost on the screen. The grid reuses its row elements and places them
     * by position, so the first card in the document need not be the first on the screen.
     */
    private double firstCardBottom() {
        return ((Number) browser.executeScript("return Math.min(...[...document.querySelectorAll('.device-list-card')]"
                        + ".map(card => card.getBoundingClientRect()).filter(box => box.height > 0)"
                        + ".map(box => box.bottom))"))
                .doubleValue();
    }

    /** Column headers the grid shows: none when each device is a card. */
    private long visibleColumnHeaders() {
        return ((Number) browser.executeScript("return [...document.querySelectorAll('#devices vaadin-grid-sorter')]"
                        + ".filter(sorter => sorter.offsetParent !== null).length"))
                .longValue();
    }

    private void fitsTheScreen() {
        Number overflow =
                (Number) browser.executeScript("return document.scrollingElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("horizontal scroll").isLessThanOrEqualTo(0);
    }

    private void screenshot(String step) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(step + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
