package io.thingseeportal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.security.AppRoles;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StartViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    long tenantId;
    long otherTenantId;

    @BeforeEach
    void createTenants() {
        tenantId = TestData.tenant(jdbc, "Acme");
        otherTenantId = TestData.tenant(jdbc, "Borealis");
    }

    @Test
    void an_admin_sees_the_counts_of_their_own_tenant_only() {
        TestData.device(jdbc, tenantId);
        TestData.device(jdbc, tenantId);
        TestData.group(jdbc, tenantId);
        TestData.command(jdbc, tenantId, false);
        TestData.command(jdbc, tenantId, true);
        TestData.device(jdbc, otherTenantId);
        TestData.group(jdbc, otherTenantId);
        TestData.command(jdbc, otherTenantId, false);

        signIn("aino", tenantId, AppRoles.ADMIN);
        UI.getCurrent().navigate("");

        assertThat(count("count-devices")).isEqualTo("2");
        assertThat(count("count-groups")).isEqualTo("1");
        assertThat(count("count-awaiting-echo")).isEqualTo("1");
    }

    @Test
    void the_fleet_counts_tell_online_stale_and_low_battery_devices() {
        Instant now = Instant.now();
        device("TSPR04ON", now.plusSeconds(600), 80);
        device("TSPR04LOW", now.plusSeconds(600), 20);
        device("TSPR04STALE", now.minusSeconds(600), 50);
        device("TSPR04NEVER", null, null);

        signIn("veera", tenantId, AppRoles.VIEWER);
        UI.getCurrent().navigate("");

        assertThat(count("count-devices")).isEqualTo("4");
        assertThat(count("count-online")).isEqualTo("2");
        assertThat(count("count-stale")).isEqualTo("1");
        assertThat(count("count-low-battery")).isEqualTo("1");
    }

    @Test
    void the_fleet_counts_follow_device_changes_live() {
        device("TSPR04ON", Instant.now().plusSeconds(600), 80);
        signIn("aino", tenantId, AppRoles.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(count("count-stale")).isEqualTo("0");

        jdbc.sql("UPDATE device SET stale_at = ?, battery_level = 5 WHERE tenant_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), tenantId)
                .update();
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of("TSPR04ON")));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip();
            return count("count-stale").equals("1");
        });
        assertThat(count("count-online")).isEqualTo("0");
        assertThat(count("count-low-battery")).isEqualTo("1");
    }

    @Test
    void a_viewer_of_an_empty_tenant_sees_zero_counts() {
        signIn("veera", tenantId, AppRoles.VIEWER);
        UI.getCurrent().navigate("");

        assertThat(count("count-devices")).isEqualTo("0");
        assertThat(count("count-online")).isEqualTo("0");
        assertThat(count("count-stale")).isEqualTo("0");
        assertThat(count("count-low-battery")).isEqualTo("0");
        assertThat(count("count-groups")).isEqualTo("0");
        assertThat(count("count-awaiting-echo")).isEqualTo("0");
    }

    @Test
    void an_installer_sees_the_scan_action_and_no_counts() {
        signIn("ilkka", tenantId, AppRoles.INSTALLER);
        UI.getCurrent().navigate("");

        assertThat(_get(Button.class, spec -> spec.withId("scan-sensor")).getText())
                .isEqualTo("Scan a sensor");
        assertThat(_find(Span.class, spec -> spec.withId("count-devices"))).isEmpty();
    }

    @Test
    void the_installers_scan_action_opens_the_scanner() {
        signIn("ilkka", tenantId, AppRoles.INSTALLER);
        UI.getCurrent().navigate("");

        _click(_get(Button.class, spec -> spec.withId("scan-sensor")));

        // The view's class, or Spring's subclass of it (its roles are checked by method security too).
        assertThat(currentView().getClass().getSimpleName()).startsWith("ScanView");
    }

    @Test
    void the_operator_lands_on_the_list_of_all_tenants() {
        signIn("otto", null, AppRoles.OPERATOR);
        UI.getCurrent().navigate("");

        @SuppressWarnings("unchecked")
        Grid<io.thingseeportal.tenant.TenantSummary> grid = _get(Grid.class, spec -> spec.withId("tenants"));
        assertThat(grid.getGenericDataView().getItems().map(tenant -> tenant.id()))
                .contains(tenantId, otherTenantId);
    }

    private void device(String tuid, @Nullable Instant staleAt, @Nullable Integer battery) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, last_seen, stale_at, battery_level)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        tuid,
                        Timestamp.from(Instant.now()),
                        staleAt == null ? null : Timestamp.from(staleAt.minusSeconds(900)),
                        staleAt == null ? null : Timestamp.from(staleAt),
                        battery)
                .update();
    }

    private static String count(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
