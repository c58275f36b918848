package io.thingseeportal.simulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.DemoBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The labels page in the running demo, where Vaadin's own route registration (not Karibu's) decides. */
class SimulatorLabelsE2E extends DemoBrowserTest {

    SimulatorLabelsE2E() {
        super(1280, 900);
    }

    @Test
    void an_admin_of_the_demo_sees_a_label_with_a_qr_code_for_every_device_of_the_stack() {
        browser.get(demo.portal() + "/simulator/labels");
        demo.signIn(browser, "acme-admin");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("labels")));

        assertThat(browser.findElements(By.cssSelector(".device-label"))).hasSize(40);
        assertThat(browser.findElements(By.cssSelector(".device-label img"))
                        .get(0)
                        .getAttribute("src"))
                .startsWith("data:image/png;base64,");
    }
}
