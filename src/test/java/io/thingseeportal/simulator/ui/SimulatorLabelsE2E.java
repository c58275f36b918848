package io.thingseeportal.simulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.Browser;
import io.thingseeportal.RunningDemo;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The labels page in the running demo, where Vaadin's own route registration (not Karibu's) decides. */
class SimulatorLabelsE2E {

    static RunningDemo demo;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void startTheDemo() {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stopTheDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
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
