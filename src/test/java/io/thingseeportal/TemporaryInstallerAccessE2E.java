package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.asset.InstallerAccessService;
import io.thingseeportal.asset.InstallerGrant;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Temporary installer access through the real sign-in: Borealis's guest, whose groups give no role, signs in as an
 * installer of one site while an admin's grant holds, and is signed out at the next click once it has ended.
 */
class TemporaryInstallerAccessE2E extends DemoBrowserTest {

    TemporaryInstallerAccessE2E() {
        super(412, 915);
    }

    @Test
    void a_person_without_a_role_installs_at_one_site_while_an_admins_grant_holds() {
        browser.get(demo.portal() + "/");
        demo.signIn(browser, "borealis-guest");
        wait.until(ExpectedConditions.urlContains(demo.portal() + "/no-access"));

        JdbcClient jdbc = demo.context().getBean(JdbcClient.class);
        long borealis = jdbc.sql("SELECT id FROM tenant WHERE slug = 'borealis'")
                .query(Long.class)
                .single();
        long store = jdbc.sql("SELECT id FROM asset WHERE tenant_id = ? AND name = 'Stockholm store'")
                .param(borealis)
                .query(Long.class)
                .single();
        var admin = new PortalUser(
                "borealis-admin", "Britt Lindqvist", Set.of(AppRoles.ADMIN), borealis, "borealis", "Borealis Retail");
        var access = demo.context().getBean(InstallerAccessService.class);
        var currentUser = demo.context().getBean(CurrentUser.class);
        InstallerGrant grant = currentUser.runAs(
                admin,
                () -> access.grant(
                        "borealis-guest", store, LocalDate.now(ZoneOffset.UTC).plusDays(1), ZoneOffset.UTC));

        useBrowser(Browser.start(412, 915));
        browser.get(demo.portal() + "/");
        demo.signIn(browser, "borealis-guest");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-sensor")))
                        .getText())
                .contains("Scan a sensor");

        currentUser.runAs(admin, () -> access.end(grant.id()));
        browser.get(demo.portal() + "/my-work");

        // Signed out at that click: the browser goes to sign in again, where the guest has no access any more.
        wait.until(driver -> driver.getCurrentUrl().contains("/sign-in")
                || demo.atProvider(driver)
                || driver.getCurrentUrl().contains("/no-access"));
        assertThat(browser.findElements(By.id("scan-sensor"))).isEmpty();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE tenant_id = ? AND subject = 'borealis-guest'"
                                + " AND action LIKE 'INSTALLER_ACCESS_%' ORDER BY id")
                        .param(borealis)
                        .query(String.class)
                        .list())
                .containsExactly("INSTALLER_ACCESS_GRANTED", "INSTALLER_ACCESS_ENDED");
    }
}
