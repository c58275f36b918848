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
 * @param issuer demo identity provider A's address (Acme and the operators), on {@code 127.0.0.1}
 * @param secondIssuer demo identity provider B's address (Borealis and Cumulus), on {@code 127.0.0.1}
 */
public record RunningDemo(ConfigurableApplicationContext context, String portal, String issuer, String secondIssuer)
        implements AutoCloseable {

    /**
     * Starts the demo on a free port; further arguments ({@code --name=value}) win over the demo profile, for example
     * another database or {@code --server.port}.
     */
    public static RunningDemo start(String... more) {
        try {
            String issuer = "http://127.0.0.1:" + FreePorts.next();
            String secondIssuer = "http://127.0.0.1:" + FreePorts.next();
            List<String> arguments = new ArrayList<>();
            if (Arrays.stream(more).noneMatch(argument -> argument.startsWith("--server.port="))) {
                arguments.add("--server.port=0");
            }
            arguments.addAll(List.of(
                    "--portal.demo.data-directory=" + Files.createTempDirectory("portal-demo"),
                    "--portal.demo.broker.port=" + FreePorts.next(),
                    "--portal.demo.idp.issuer=" + issuer,
                    "--portal.demo.idp.second-issuer=" + secondIssuer));
            arguments.addAll(List.of(more));
            ConfigurableApplicationContext demo = new SpringApplicationBuilder(Application.class)
                    .profiles("demo")
                    .run(arguments.toArray(String[]::new));
            int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
            return new RunningDemo(demo, "http://localhost:" + port, issuer, secondIssuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs in with a demo account: on the portal's sign-in page it chooses the account's organisation (the part of
     * the account's name before the dash, or the operators' sign-in), then signs in at that organisation's provider.
     */
    public void signIn(WebDriver browser, String account) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> atProvider(driver) || driver.getCurrentUrl().startsWith(portal + "/sign-in"));
        if (!atProvider(browser)) {
            String organisation = account.equals("operator") ? "operators" : account.substring(0, account.indexOf('-'));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-" + organisation)))
                    .click();
        }
        signInAtProvider(browser, account);
    }

    /** Waits for a demo provider's sign-in page and signs in there with a demo account. */
    public void signInAtProvider(WebDriver browser, String account) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(this::atProvider);
        browser.findElement(By.id("username")).sendKeys(account);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
    }

    /** Whether the browser shows the sign-in page of one of the demo's providers. */
    public boolean atProvider(WebDriver browser) {
        String url = browser.getCurrentUrl();
        return url.startsWith(issuer + "/login") || url.startsWith(secondIssuer + "/login");
    }

    @Override
    public void close() {
        context.close();
    }
}
