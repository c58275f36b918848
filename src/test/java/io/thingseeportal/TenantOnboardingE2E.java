package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant added while the portal runs signs in and receives its data stream without a restart: the operator adds
 * Cumulus Logistics, its identity provider (the demo's provider B, which already knows Cumulus's people) and its data
 * stream (the embedded broker, under Cumulus's topic root), the stream comes up, and Cumulus's admin signs in.
 */
class TenantOnboardingE2E extends DemoBrowserTest {

    TenantOnboardingE2E() {
        super(1280, 900);
    }

    @Test
    void an_operator_adds_a_tenant_its_provider_and_data_stream_and_its_admin_signs_in_at_once() {
        browser.get(demo.portal() + "/");
        demo.signIn(browser, "operator");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tenant-new"))).click();
        type("#tenant-new-name input", "Cumulus Logistics");
        WebElement slug =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tenant-new-slug input")));
        wait.until(driver -> "cumulus-logistics".equals(slug.getDomProperty("value")));
        // The demo's provider B sends Cumulus's people back to the registration "cumulus".
        slug.sendKeys(Keys.chord(Keys.CONTROL, "a"), "cumulus");
        type("#tenant-new-country input", "fr");
        browser.findElement(By.id("tenant-new-save")).click();

        type("#provider-issuer input", demo.secondIssuer());
        type("#provider-client-id input", "cumulus-portal");
        type("#provider-secret input", "cumulus-demo-oidc-secret");
        replace("#provider-role-claim input", "groups");
        type("#provider-role-mapping textarea", "portal-admins=ADMIN\nfield-installers=INSTALLER");
        type("#provider-email-domains textarea", "cumulus.example");
        browser.findElement(By.id("provider-test")).click();
        awaitText(By.id("provider-check"), "The provider answers as " + demo.secondIssuer() + ": sign-in can use it.");
        browser.findElement(By.id("provider-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "Saved. The next sign-in uses it."));

        long cumulus = jdbc().sql("SELECT id FROM tenant WHERE slug = 'cumulus'")
                .query(Long.class)
                .single();
        browser.get(demo.portal() + "/tenant-thingsee/" + cumulus);
        type(
                "#stream-broker-url input",
                "tcp://127.0.0.1:" + demo.context().getEnvironment().getProperty("portal.demo.broker.port"));
        replace("#stream-topic-filters textarea", "cumulus/cloudext/json/#");
        field("#stream-save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "Saved. This node reconnects the stream now"));
        wait.until(driver -> {
            driver.get(demo.portal() + "/tenants");
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-stream-cumulus")))
                    .getText()
                    .startsWith("Stream up");
        });

        useBrowser(Browser.start(412, 915));
        browser.get(demo.portal() + "/");
        type("#sign-in-email input", "camille.dubois@cumulus.example");
        browser.findElement(By.id("sign-in-continue")).click();
        wait.until(ExpectedConditions.urlContains(demo.secondIssuer() + "/login"));
        demo.signInAtProvider(browser, "cumulus-admin");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
        assertThat(jdbc().sql("SELECT t.name || ' ' || u.role FROM tenant_user u JOIN tenant t ON t.id = u.tenant_id"
                                + " WHERE u.subject = 'cumulus-admin'")
                        .query(String.class)
                        .single())
                .isEqualTo("Cumulus Logistics ADMIN");
    }

    private JdbcClient jdbc() {
        return demo.context().getBean(JdbcClient.class);
    }

    private void type(String css, String text) {
        field(css).sendKeys(text);
    }

    private void replace(String css, String text) {
        field(css).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** The element, brought to the middle of the window (the forms run below its fold), once it can be clicked. */
    private WebElement field(String css) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return wait.until(ExpectedConditions.elementToBeClickable(element));
    }
}
