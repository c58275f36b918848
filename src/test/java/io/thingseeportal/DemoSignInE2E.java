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

/**
 * The demo in a real browser: finding one's organisation on the sign-in page, signing in at that organisation's own
 * provider (A for Acme and the operators, B for Borealis), the start page per role, no access without a role, and
 * signing out.
 */
class DemoSignInE2E extends DemoBrowserTest {

    DemoSignInE2E() {
        super(412, 915);
    }

    @Test
    void a_signed_out_visitor_chooses_their_organisation_and_signs_in_at_its_own_provider() {
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.portal() + "/sign-in"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("organisations")))
                        .getText())
                .contains("Acme Facilities", "Borealis Retail");

        browser.findElement(By.id("sign-in-acme")).click();

        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));
        assertThat(browser.findElement(By.id("provider")).getText()).isEqualTo("Demo identity provider A");
        demo.signInAtProvider(browser, "acme-installer");
        WebElement scan = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-sensor")));
        assertThat(scan.getText()).contains("Scan a sensor");
        assertThat(browser.getCurrentUrl()).startsWith(demo.portal());
        // Seeded from the demo's settings, the row keeps the provider's address as a placeholder (HTTPS moves it).
        assertThat(demo.context()
                        .getBean(JdbcClient.class)
                        .sql("SELECT p.issuer_uri FROM tenant_identity_provider p JOIN tenant t ON t.id = p.tenant_id"
                                + " WHERE t.slug = 'acme'")
                        .query(String.class)
                        .single())
                .isEqualTo("${portal.demo.idp.issuer}");
    }

    @Test
    void a_work_email_address_finds_the_organisation_and_its_provider() {
        browser.get(demo.portal() + "/sign-in");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sign-in-email input")))
                .sendKeys("britt.lindqvist@borealis.example");
        browser.findElement(By.id("sign-in-continue")).click();

        wait.until(ExpectedConditions.urlContains(demo.secondIssuer() + "/login"));
        assertThat(browser.findElement(By.id("provider")).getText()).isEqualTo("Demo identity provider B");
        demo.signInAtProvider(browser, "borealis-admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
    }

    @Test
    void an_address_of_a_domain_no_organisation_uses_is_told_so() {
        browser.get(demo.portal() + "/sign-in");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sign-in-email input")))
                .sendKeys("someone@example.org");
        browser.findElement(By.id("sign-in-continue")).click();

        wait.until(driver -> driver.findElement(By.id("sign-in-email")).getAttribute("invalid") != null);
        assertThat(browser.findElement(By.id("sign-in-email")).getText())
                .contains("No organisation here signs in with addresses at example.org");
        assertThat(browser.getCurrentUrl()).startsWith(demo.portal() + "/sign-in");
    }

    @Test
    void signing_out_ends_the_session_at_the_provider_too() {
        browser.get(demo.portal() + "/");
        signIn("acme-installer");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-sensor")));

        signOut();

        wait.until(ExpectedConditions.urlContains(demo.portal() + "/sign-in"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-acme")))
                .click();
        wait.until(ExpectedConditions.urlContains(demo.issuer() + "/login"));
        assertThat(browser.findElements(By.id("username"))).hasSize(1);
    }

    @Test
    void a_browser_that_prefers_finnish_gets_the_portal_in_finnish() {
        useBrowser(Browser.start(412, 915, "fi"));
        browser.get(demo.portal() + "/");

        signIn("acme-installer");

        WebElement scan = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-sensor")));
        assertThat(scan.getText()).contains("Skannaa anturi");
    }

    @ParameterizedTest(name = "{0} signs in at provider {2} and sees {1}")
    @CsvSource({
        "acme-admin, count-devices, A, acme, ADMIN",
        "acme-installer, scan-sensor, A, acme, INSTALLER",
        "acme-viewer, count-devices, A, acme, VIEWER",
        "borealis-admin, count-devices, B, borealis, ADMIN",
        "borealis-installer, scan-sensor, B, borealis, INSTALLER",
        "borealis-viewer, count-devices, B, borealis, VIEWER",
        "operator, tenants, A, , OPERATOR"
    })
    void every_demo_account_signs_in_through_its_organisations_provider_to_its_own_tenant_and_role(
            String account, String landmark, String provider, String tenant, String role) {
        browser.get(demo.portal() + "/");
        wait.until(ExpectedConditions.urlContains(demo.portal() + "/sign-in"));
        String organisation = tenant == null ? "operators" : tenant;
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-" + organisation)))
                .click();

        wait.until(demo::atProvider);
        assertThat(browser.getCurrentUrl()).startsWith("A".equals(provider) ? demo.issuer() : demo.secondIssuer());
        demo.signInAtProvider(browser, account);

        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(landmark))))
                .isNotNull();
        if (tenant != null) {
            assertThat(seenAs(account)).isEqualTo(tenant + " " + role);
        }
        assertThat(demo.context()
                        .getBean(JdbcClient.class)
                        .sql("SELECT COALESCE(t.slug, '-') || ' ' || e.actor_role || ' ' || e.source_address"
                                + " FROM audit_event e LEFT JOIN tenant t ON t.id = e.tenant_id"
                                + " WHERE e.action = 'SIGNED_IN' AND e.actor_subject = ? ORDER BY e.id DESC LIMIT 1")
                        .param(account)
                        .query(String.class)
                        .single())
                .as("the sign-in in the audit log, with the browser's (loopback) address")
                .isIn(
                        (tenant == null ? "-" : tenant) + " " + role + " 127.0.0.1",
                        (tenant == null ? "-" : tenant) + " " + role + " 0:0:0:0:0:0:0:1");
    }

    @Test
    void a_person_whose_groups_give_no_role_sees_no_access_naming_the_admin_to_ask() {
        browser.get(demo.portal() + "/");
        signIn("borealis-admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
        useBrowser(Browser.start(412, 915));

        browser.get(demo.portal() + "/");
        signIn("borealis-guest");

        wait.until(ExpectedConditions.urlContains(demo.portal() + "/no-access"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-access-organisation")))
                        .getText())
                .contains("Borealis Retail");
        assertThat(browser.findElement(By.id("no-access-ask")).getText())
                .contains("Britt Lindqvist", "britt.lindqvist@borealis.example");
        assertThat(seenAs("borealis-guest")).isEqualTo("borealis null");
    }

    @Test
    void an_address_outside_the_organisations_domains_is_refused() {
        browser.get(demo.portal() + "/sign-in");
        // Cumulus's admin is at provider B, as Borealis's users are, but Borealis allows only its own addresses.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-borealis")))
                .click();
        demo.signInAtProvider(browser, "cumulus-admin");

        wait.until(ExpectedConditions.urlContains("/sign-in-problem"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("p")))
                        .getText())
                .contains("camille.dubois@cumulus.example", "Borealis Retail");
    }

    @Test
    void a_user_whose_organisation_an_operator_disabled_is_signed_out_at_the_next_request_and_told_why() {
        browser.get(demo.portal() + "/");
        signIn("borealis-viewer");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-devices")));
        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        try {
            jdbc.sql("UPDATE tenant SET status = 'DISABLED' WHERE slug = 'borealis'")
                    .update();

            browser.get(demo.portal() + "/devices");

            // Signed out, the browser goes to the sign-in page, where Borealis is no longer offered.
            wait.until(driver -> driver.getCurrentUrl().contains("/sign-in"));
            if (!browser.getCurrentUrl().contains("/sign-in-problem")) {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-operators")));
                assertThat(browser.findElements(By.id("sign-in-borealis"))).isEmpty();
                // The way they came in (a bookmark of the organisation's sign-in) is refused, naming the organisation.
                browser.get(demo.portal() + "/oauth2/authorization/borealis");
                wait.until(driver ->
                        demo.atProvider(driver) || driver.getCurrentUrl().contains("/sign-in-problem"));
                if (demo.atProvider(browser)) {
                    demo.signInAtProvider(browser, "borealis-viewer");
                }
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

    /** The tenant and role the portal recorded at the demo account's last sign-in (its subject is its user name). */
    private String seenAs(String account) {
        return demo.context()
                .getBean(JdbcClient.class)
                .sql("SELECT t.slug || ' ' || COALESCE(u.role, 'null') FROM tenant_user u"
                        + " JOIN tenant t ON t.id = u.tenant_id WHERE u.subject = ?")
                .param(account)
                .query(String.class)
                .single();
    }

    private void signOut() {
        WebElement menu = wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu")));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].querySelector('vaadin-menu-bar-button').click()", menu);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    }
}
