package io.thingseeportal.simulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.Application;
import io.thingseeportal.Browser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The labels page in the running demo, where Vaadin's own route registration (not Karibu's) decides. */
class SimulatorLabelsE2E {

    static ConfigurableApplicationContext demo;
    static String portal;
    static String issuer;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void startTheDemo() throws IOException {
        Path data = Files.createTempDirectory("portal-labels-e2e");
        issuer = "http://127.0.0.1:" + freePort();
        demo = new SpringApplicationBuilder(Application.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--portal.demo.data-directory=" + data,
                        "--portal.demo.broker.port=" + freePort(),
                        "--portal.demo.idp.issuer=" + issuer);
        portal = "http://localhost:"
                + ((WebServerApplicationContext) demo).getWebServer().getPort();
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
        browser.get(portal + "/simulator/labels");
        wait.until(ExpectedConditions.urlContains(issuer + "/login"));
        browser.findElement(By.id("username")).sendKeys("acme-admin");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("labels")));

        assertThat(browser.findElements(By.cssSelector(".device-label"))).hasSize(40);
        assertThat(browser.findElements(By.cssSelector(".device-label img"))
                        .get(0)
                        .getAttribute("src"))
                .startsWith("data:image/png;base64,");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
