package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.TestData;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.thingsee.InstallationStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The device list's SQL on PostgreSQL 15: the same filters, sorts, group choices and counts as on H2. */
class DeviceListStoreIT {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    JdbcClient jdbc;
    DeviceListStore store;
    long tenantId;

    @BeforeEach
    void threeDevices() {
        var dataSource = new DriverManagerDataSource(
                TestPostgres.freshDatabase("portal_device_list_it"), TestPostgres.USER, TestPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        store = new DeviceListStore(jdbc);
        tenantId = TestData.tenant(jdbc, "Acme");
        device("TSPR04A_1", "prfi00office", "installed", NOW.minusSeconds(60), NOW.plusSeconds(600), 80);
        device("TSEN01B", null, "new", null, null, null);
        device("TSAR01C", "prfi00lab", "installed", NOW.minusSeconds(7200), NOW.minusSeconds(3600), 15);
        device(TestData.tenant(jdbc, "Borealis"), "TSPR04OTHER", "prfi00office", "installed", NOW, NOW, 5);
    }

    @Test
    void every_filter_together_and_the_like_escape_work_on_postgresql() {
        var filter =
                new DeviceFilter("prfi00office", ProductType.PRESENCE, InstallationStatus.INSTALLED, 80, null, "a_1");

        assertThat(tuids(filter, DevicePage.first(10))).containsExactly("TSPR04A_1");
        assertThat(store.count(tenantId, null, filter, NOW)).isEqualTo(1);
        assertThat(tuids(DeviceFilter.ALL.withTuid("04_"), DevicePage.first(10)))
                .isEmpty();
        assertThat(tuids(DeviceFilter.ALL.withGroup(DeviceFilter.NO_GROUP), DevicePage.first(10)))
                .containsExactly("TSEN01B");
        assertThat(tuids(DeviceFilter.ALL.withNotSeenFor(Duration.ofHours(1)), DevicePage.first(10)))
                .containsExactly("TSAR01C", "TSEN01B");
    }

    @Test
    void unknown_values_sort_last_both_ways_on_postgresql() {
        assertThat(tuids(DeviceFilter.ALL, new DevicePage(0, 10, DeviceSort.BATTERY, false)))
                .containsExactly("TSAR01C", "TSPR04A_1", "TSEN01B");
        assertThat(tuids(DeviceFilter.ALL, new DevicePage(0, 10, DeviceSort.LAST_SEEN, true)))
                .containsExactly("TSPR04A_1", "TSAR01C", "TSEN01B");
        assertThat(tuids(DeviceFilter.ALL, new DevicePage(0, 10, DeviceSort.GROUP, true)))
                .containsExactly("TSPR04A_1", "TSAR01C", "TSEN01B");
    }

    @Test
    void the_group_choices_and_the_counts_work_on_postgresql() {
        assertThat(store.groups(tenantId, null, "", 0, 10)).containsExactly("prfi00lab", "prfi00office", "unassigned");
        assertThat(store.groups(tenantId, null, "OFF", 0, 10)).containsExactly("prfi00office");
        assertThat(store.counts(tenantId, null, NOW, 20)).isEqualTo(new FleetCounts(3, 1, 1, 1));
        assertThat(store.find(tenantId, null, List.of("TSEN01B", "TSPR04OTHER")))
                .extracting(DeviceListItem::tuid)
                .containsExactly("TSEN01B");
    }

    private List<String> tuids(DeviceFilter filter, DevicePage page) {
        return store.page(tenantId, null, filter, NOW, page).stream()
                .map(DeviceListItem::tuid)
                .toList();
    }

    private void device(
            String tuid,
            @Nullable String group,
            String status,
            @Nullable Instant lastSeen,
            @Nullable Instant staleAt,
            @Nullable Integer battery) {
        device(tenantId, tuid, group, status, lastSeen, staleAt, battery);
    }

    private void device(
            long tenant,
            String tuid,
            @Nullable String group,
            String status,
            @Nullable Instant lastSeen,
            @Nullable Instant staleAt,
            @Nullable Integer battery) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, group_id, product_type, installation_status,"
                        + " last_seen, stale_at, battery_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenant,
                        tuid,
                        Timestamp.from(NOW),
                        group,
                        ProductType.ofTuid(tuid).map(ProductType::productName).orElse(null),
                        status,
                        lastSeen == null ? null : Timestamp.from(lastSeen),
                        staleAt == null ? null : Timestamp.from(staleAt),
                        battery)
                .update();
    }
}
