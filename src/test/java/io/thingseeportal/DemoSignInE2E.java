package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo in a real browser: signing in at the demo identity provider, the start page per role, and signing out. */
class DemoSignInE2E extends DemoBrowserTest {

    DemoSignInE2E() {
        super(412, 915);
    }

    @Test
    void a_signed_out_visitor_is_sent_to_the_demo_provider_and_back_after_signing_in() {
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));
        assertThat(browser.getPageSource()).contains("acme-installer", "borealis-admin", "operator");

        signIn("acme-installer");

        WebElement scan = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-sensor")));
        assertThat(scan.getText()).contains("Scan a sensor");
        assertThat(browser.getCurrentUrl()).startsWith(demo.portal());
    }

    @Test
    void signing_out_ends_the_session_at_the_provider_too() {
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));
        signIn("acme-installer");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-sensor")));

        signOut();

        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));
        assertThat(browser.findElements(By.id("username"))).hasSize(1);
    }

    @Test
    void a_browser_that_prefers_finnish_gets_the_portal_in_finnish() {
        useBrowser(Browser.start(412, 915, "fi"));
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));

        signIn("acme-installer");

        WebElement scan = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-sensor")));
        assertThat(scan.getText()).contains("Skannaa anturi");
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({
        "acme-admin, count-devices",
        "acme-installer, scan-sensor",
        "acme-viewer, count-devices",
        "borealis-admin, count-devices",
        "borealis-installer, scan-sensor",
        "borealis-viewer, count-devices",
        "operator, tenants"
    })
    void every_demo_account_signs_in_to_its_start_page(String account, String landmark) {
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));

        signIn(account);

        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(landmark))))
                .isNotNull();
    }

    @Test
    void a_user_whose_organisation_an_operator_disabled_is_signed_out_at_the_next_request_and_told_why() {
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));
        signIn("borealis-viewer");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        try {
            jdbc.sql("UPDATE tenant SET status = 'DISABLED' WHERE slug = 'borealis'")
                    .update();

            browser.get(demo.portal() + "/devices");

            // Signed out, the browser goes to the provider, which may still know the user and send them straight back.
            wait.until(driver -> driver.getCurrentUrl().contains("/sign-in-problem")
                    || !driver.findElements(By.id("username")).isEmpty());
            if (!browser.getCurrentUrl().contains("/sign-in-problem")) {
                signIn("borealis-viewer");
            }
            wait.until(ExpectedConditions.urlContains("/sign-in-problem"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-again")));
            assertThat(browser.findElement(By.tagName("p")).getText())
                    .contains("Borealis Retail")
                    .contains("no access");
        } finally {
            jdbc.sql("UPDATE tenant SET status = 'ACTIVE' WHERE slug = 'borealis'")
                    .update();
        }
    }

    private void signIn(String account) {
        demo.signIn(browser, account);
    }

    private void signOut() {
        WebElement menu = wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu")));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].querySelector('vaadin-menu-bar-button').click()", menu);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    }
}
