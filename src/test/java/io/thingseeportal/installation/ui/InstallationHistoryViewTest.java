package io.thingseeportal.installation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.installation.HistoryFilter;
import io.thingseeportal.installation.InstallationHistory;
import io.thingseeportal.security.AppRoles;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The installation history: newest first, filtered by installer, site and days, and the same as CSV. */
class InstallationHistoryViewTest extends KaribuTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InstallationHistory history;

    long tenantId;

    @BeforeEach
    void threeInstallationsAndAnUninstall() {
        tenantId = TestData.tenant(jdbc, "Acme");
        event(tenantId, "TSPR04A", "INSTALLED", "Oulu HQ › Lobby", "Oulu HQ", "ilkka", "Ilkka", "2026-11-30T08:00:00Z");
        event(
                tenantId,
                "TSPR04B",
                "INSTALLED",
                "Helsinki › Kitchen",
                "Helsinki",
                "ines",
                "Ines",
                "2026-12-01T09:00:00Z");
        event(tenantId, "TSPR04C", "REPLACED", "Oulu HQ › Lobby", "Oulu HQ", "ilkka", "Ilkka", "2026-12-02T10:00:00Z");
        event(
                tenantId,
                "TSPR04A",
                "UNINSTALLED",
                "Oulu HQ › Lobby",
                "Oulu HQ",
                "ilkka",
                "Ilkka",
                "2026-12-02T10:00:01Z");
        event(
                TestData.tenant(jdbc, "Borealis"),
                "TSPR04Z",
                "INSTALLED",
                "Store",
                "Store",
                "bo",
                "Bo",
                "2026-12-02T11:00:00Z");
        signIn("aino", tenantId, AppRoles.ADMIN);
    }

    @Test
    void the_history_lists_the_tenants_entries_newest_first() {
        UI.getCurrent().navigate("installations");

        assertThat(GridKt._size(grid())).isEqualTo(4);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("TSPR04A", "Uninstalled", "Oulu HQ › Lobby", "Ilkka");
        assertThat(GridKt._getFormattedRow(grid(), 3)).contains("TSPR04A", "Installed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_filters_narrow_the_list_by_installer_site_and_days() {
        UI.getCurrent().navigate("installations");

        _setValue(_get(ComboBox.class, spec -> spec.withId("history-installer")), "ilkka");
        assertThat(GridKt._size(grid())).isEqualTo(3);
        _setValue(_get(ComboBox.class, spec -> spec.withId("history-site")), "Oulu HQ");
        _setValue(_get(DatePicker.class, spec -> spec.withId("history-from")), LocalDate.of(2026, 12, 1));
        assertThat(GridKt._size(grid())).isEqualTo(2);
        _setValue(_get(DatePicker.class, spec -> spec.withId("history-to")), LocalDate.of(2026, 12, 1));
        assertThat(GridKt._size(grid())).isZero();
    }

    @Test
    void the_export_has_the_filtered_entries_in_local_time() {
        var csv = new StringWriter();
        history.exportCsv(new HistoryFilter(null, "Oulu HQ", LocalDate.of(2026, 12, 2), null, HELSINKI), csv);

        assertThat(csv.toString().split("\r\n"))
                .containsExactly(
                        "time,tuid,action,asset,site,group,replaced_tuid,by",
                        "2026-12-02T12:00:01,TSPR04A,uninstalled,Oulu HQ › Lobby,Oulu HQ,,,Ilkka",
                        "2026-12-02T12:00,TSPR04C,replaced,Oulu HQ › Lobby,Oulu HQ,,,Ilkka");
    }

    @Test
    void a_viewer_reads_the_history_and_an_installer_does_not() {
        signIn("veera", tenantId, AppRoles.VIEWER);
        UI.getCurrent().navigate("installations");
        assertThat(GridKt._size(grid())).isEqualTo(4);

        signIn("ilkka", tenantId, AppRoles.INSTALLER);
        UI.getCurrent().navigate("installations");
        assertThat(currentView()).isNotInstanceOf(InstallationHistoryView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("history-grid"));
    }

    private void event(
            long tenant, String tuid, String action, String asset, String site, String by, String name, String at) {
        jdbc.sql("INSERT INTO installation_event (tenant_id, tuid, action, asset_path, site, done_by, done_by_name,"
                        + " done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenant, tuid, action, asset, site, by, name, Timestamp.from(java.time.Instant.parse(at)))
                .update();
    }
}
