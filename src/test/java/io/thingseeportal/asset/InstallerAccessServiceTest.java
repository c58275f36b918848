package io.thingseeportal.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.security.SignInTenants;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Temporary installer access: an admin grants a person seen at sign-in the installer role for one site until a day;
 * sign-in finds it while it holds; it ends by itself or by an admin; the person then sees and adds to that site only.
 */
class InstallerAccessServiceTest extends KaribuTest {

    static final ZoneId ZONE = ZoneOffset.UTC;

    @Autowired
    InstallerAccessService access;

    @Autowired
    AssetService assets;

    @Autowired
    SignInTenants signIns;

    @Autowired
    JdbcClient jdbc;

    long tenantId;
    long oulu;
    long tampere;
    LocalDate today = LocalDate.now(ZONE);

    @BeforeEach
    void anAdminWithTwoSitesAndAContractorWhoSignedInWithoutARole() {
        tenantId = TestData.tenant(jdbc, "Acme");
        oulu = TestData.asset(jdbc, tenantId, null, "SITE", "Oulu HQ");
        TestData.asset(jdbc, tenantId, oulu, "BUILDING", "Building A");
        tampere = TestData.asset(jdbc, tenantId, null, "SITE", "Tampere depot");
        signIns.recordSignIn(tenantId, new SignInTenants.SeenUser("kalle", "Kalle Contractor", null, null));
        signIn("Aino Admin", tenantId, AppRoles.ADMIN);
    }

    @Test
    void granted_access_is_found_at_sign_in_until_the_end_of_its_last_day_and_is_in_the_audit_log() {
        InstallerGrant grant = access.grant("kalle", oulu, today.plusDays(2), ZONE);

        assertThat(grant.personName()).isEqualTo("Kalle Contractor");
        assertThat(grant.siteName()).isEqualTo("Oulu HQ");
        assertThat(grant.endsAt())
                .isEqualTo(today.plusDays(3).atStartOfDay(ZONE).toInstant());
        assertThat(access.activeFor(tenantId, "kalle"))
                .contains(new InstallerAccess(grant.id(), oulu, "Oulu HQ", grant.endsAt()));
        assertThat(access.holds(tenantId, grant.id())).isTrue();
        assertThat(access.holding(null)).extracting(InstallerGrant::id).containsExactly(grant.id());
        assertThat(TestData.audit(jdbc, tenantId))
                .containsExactly("INSTALLER_ACCESS_GRANTED kalle: Oulu HQ until " + today.plusDays(2));
    }

    @Test
    void access_past_its_end_is_found_no_more() {
        InstallerGrant grant = access.grant("kalle", oulu, today, ZONE);
        jdbc.sql("UPDATE installer_grant SET ends_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), grant.id())
                .update();

        assertThat(access.activeFor(tenantId, "kalle")).isEmpty();
        assertThat(access.holds(tenantId, grant.id())).isFalse();
        assertThat(access.holding(null)).isEmpty();
    }

    @Test
    void an_admin_ends_access_before_its_day() {
        InstallerGrant grant = access.grant("kalle", oulu, today.plusDays(7), ZONE);

        assertThat(access.end(grant.id())).isTrue();

        assertThat(access.activeFor(tenantId, "kalle")).isEmpty();
        assertThat(access.holds(tenantId, grant.id())).isFalse();
        assertThat(access.end(grant.id())).as("once").isFalse();
        assertThat(TestData.audit(jdbc, tenantId)).last().isEqualTo("INSTALLER_ACCESS_ENDED kalle: Oulu HQ");
    }

    @Test
    void a_past_day_a_day_over_a_year_away_a_place_that_is_no_site_and_a_person_never_seen_are_refused() {
        long building = assets.all().stream()
                .filter(asset -> asset.name().equals("Building A"))
                .findFirst()
                .orElseThrow()
                .id();

        assertRefused(() -> access.grant("kalle", oulu, today.minusDays(1), ZONE), "installer-access.day.past");
        assertRefused(() -> access.grant("kalle", oulu, today.plusDays(400), ZONE), "installer-access.day.too-far");
        assertRefused(() -> access.grant("kalle", building, today, ZONE), "installer-access.site.unknown");
        assertRefused(() -> access.grant("nobody", oulu, today, ZONE), "installer-access.person.unknown");
        assertThat(access.holding(null)).isEmpty();
    }

    @Test
    void another_tenants_admin_can_neither_grant_at_its_sites_nor_see_nor_end_its_grants() {
        InstallerGrant grant = access.grant("kalle", oulu, today.plusDays(1), ZONE);
        long borealis = TestData.tenant(jdbc, "Borealis");
        signIn("Britt Admin", borealis, AppRoles.ADMIN);

        assertRefused(() -> access.grant("kalle", oulu, today, ZONE), "installer-access.site.unknown");
        assertThat(access.holding(null)).isEmpty();
        assertThat(access.end(grant.id())).isFalse();
        assertThat(access.activeFor(borealis, "kalle")).isEmpty();
    }

    @Test
    void a_person_holds_access_to_one_site_at_a_time() {
        access.grant("kalle", oulu, today.plusDays(2), ZONE);

        assertRefused(() -> access.grant("kalle", tampere, today, ZONE), "installer-access.person.has-access");
        assertThat(access.holding(null)).extracting(InstallerGrant::siteName).containsExactly("Oulu HQ");
    }

    @Test
    void only_admins_grant_access() {
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);

        assertThatThrownBy(() -> access.grant("kalle", oulu, today, ZONE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_person_with_access_sees_and_adds_to_their_one_site_only() {
        InstallerGrant grant = access.grant("kalle", oulu, today.plusDays(1), ZONE);
        var kalle = new PortalUser(
                "kalle",
                "Kalle Contractor",
                Set.of(AppRoles.INSTALLER),
                tenantId,
                "tenant-" + tenantId,
                "Acme",
                access.activeFor(tenantId, "kalle").orElseThrow());
        signInAs(kalle);

        assertThat(assets.all()).extracting(Asset::pathText).containsExactly("Oulu HQ", "Oulu HQ › Building A");
        assertThat(assets.find(tampere)).isEmpty();
        assertThat(assets.create(oulu, "Building B").pathText()).isEqualTo("Oulu HQ › Building B");
        assertThatThrownBy(() -> assets.create(tampere, "Shed"))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        refused -> assertThat(refused.problem()).isEqualTo(AssetException.Problem.NOT_FOUND));
        assertThatThrownBy(() -> assets.create(null, "Kalle's own site"))
                .isInstanceOfSatisfying(
                        AssetException.class,
                        refused -> assertThat(refused.problem()).isEqualTo(AssetException.Problem.ONLY_ONE_SITE));
        assertThat(grant.siteId()).isEqualTo(oulu);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InstallerAccessRefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo(key));
    }
}
