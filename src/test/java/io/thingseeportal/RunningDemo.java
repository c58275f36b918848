package io.thingseeportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole demo, started in the test's JVM on free ports with a fresh data directory, as {@code ./mvnw
 * spring-boot:run} starts it: embedded broker, demo identity provider, simulator.
 *
 * @param portal the portal's address, on {@code localhost}
 * @param issuer the demo identity provider's address, on {@code 127.0.0.1}
 */
public record RunningDemo(ConfigurableApplicationContext context, String portal, String issuer)
        implements AutoCloseable {

    /**
     * Starts the demo on a free port; further arguments ({@code --name=value}) win over the demo profile, for example
     * another database or {@code --server.port}.
     */
    public static RunningDemo start(String... more) {
        try {
            String issuer = "http://127.0.0.1:" + FreePorts.next();
            List<String> arguments = new ArrayList<>();
            if (Arrays.stream(more).noneMatch(argument -> argument.startsWith("--server.port="))) {
                arguments.add("--server.port=0");
            }
            arguments.addAll(List.of(
                    "--portal.demo.data-directory=" + Files.createTempDirectory("portal-demo"),
                    "--portal.demo.broker.port=" + FreePorts.next(),
                    "--portal.demo.idp.issuer=" + issuer));
            arguments.addAll(List.of(more));
            ConfigurableApplicationContext demo = new SpringApplicationBuilder(Application.class)
                    .profiles("demo")
                    .run(arguments.toArray(String[]::new));
            int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
            return new RunningDemo(demo, "http://localhost:" + port, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the demo provider's sign-in page and signs in with a demo account. */
    public void signIn(WebDriver browser, String account) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(issuer + "/login"));
        browser.findElement(By.id("username")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
    }

    @Override
    public void close() {
        context.close();
    }
}
