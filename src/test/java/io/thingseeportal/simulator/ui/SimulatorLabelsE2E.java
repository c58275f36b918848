package io.thingseeportal.simulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.DemoBrowserTest;
import io.thingseeportal.installation.QrDecoder;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The labels page in the running demo, where Vaadin's own route registration (not Karibu's) decides. */
class SimulatorLabelsE2E extends DemoBrowserTest {

    /** Every label's box and every code's box, in page pixels; overlapping labels make a pair of indexes. */
    private static final String OVERLAPS = "const boxes = [...document.querySelectorAll('.device-label')]"
            + ".map(label => label.getBoundingClientRect());"
            + " const overlaps = [];"
            + " for (let i = 0; i < boxes.length; i++) { for (let j = i + 1; j < boxes.length; j++) {"
            + "  const a = boxes[i], b = boxes[j];"
            + "  if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)"
            + "   { overlaps.push(i + '/' + j); } } }"
            + " for (const label of document.querySelectorAll('.device-label')) {"
            + "  const box = label.getBoundingClientRect();"
            + "  for (const code of label.querySelectorAll('img')) { const c = code.getBoundingClientRect();"
            + "   if (c.left < box.left - 1 || c.right > box.right + 1 || c.top < box.top - 1 || c.bottom > box.bottom + 1)"
            + "    { overlaps.push('code outside ' + code.alt); } } }"
            + " return overlaps;";

    SimulatorLabelsE2E() {
        super(1280, 900);
    }

    @Test
    void an_admin_of_the_demo_sees_a_label_with_a_qr_code_for_every_device_of_the_stack() {
        openTheLabels();

        assertThat(browser.findElements(By.cssSelector(".device-label"))).hasSize(40);
        assertThat(browser.findElements(By.cssSelector(".device-label img"))
                        .get(0)
                        .getAttribute("src"))
                .startsWith("data:image/png;base64,");
    }

    @Test
    void no_label_reaches_into_another_on_the_screen_or_on_paper_and_two_code_labels_stay_whole() {
        openTheLabels();
        assertThat(browser.findElements(By.cssSelector(".device-label-codes .device-label-code + .device-label-code")))
                .as("labels that carry two codes")
                .isNotEmpty();

        assertThat(overlaps()).as("on a desk's screen").isEmpty();

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
        assertThat(overlaps()).as("on a phone's screen").isEmpty();

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(overlaps()).as("printed").isEmpty();
    }

    @Test
    void every_code_of_a_two_code_label_scans_from_the_screen() throws Exception {
        openTheLabels();
        WebElement label = browser.findElements(By.cssSelector(".device-label")).stream()
                .filter(candidate ->
                        candidate.findElements(By.cssSelector("img")).size() == 2)
                .findFirst()
                .orElseThrow();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        var decoder = new QrDecoder(Duration.ofSeconds(2));

        List<WebElement> codes = label.findElements(By.cssSelector("img"));
        for (WebElement code : codes) {
            var shot = ImageIO.read(new ByteArrayInputStream(code.getScreenshotAs(OutputType.BYTES)));

            assertThat(decoder.decode(shot))
                    .as("the code %s, as the screen shows it", code.getAttribute("alt"))
                    .contains(code.getAttribute("alt"));
        }
    }

    private void openTheLabels() {
        browser.get(demo.portal() + "/simulator/labels");
        demo.signIn(browser, "acme-admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("labels")));
    }

    @SuppressWarnings("unchecked")
    private List<String> overlaps() {
        return (List<String>) browser.executeScript(OVERLAPS);
    }
}
