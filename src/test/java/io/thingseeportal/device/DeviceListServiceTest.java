package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.MutableClock;
import io.thingseeportal.TestData;
import io.thingseeportal.csv.Csv;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.thingsee.InstallationStatus;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The device list's queries: filters, sorts, pages, CSV and counts, each within the signed-in user's tenant. */
class DeviceListServiceTest extends KaribuTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final String OFFICE = "prfi00office";
    static final String LAB = "prfi00lab";
    static final String A = "TSPR04AAA1";
    static final String B = "TSPR04BBB2";
    static final String C = "TSEN01CCC3";
    static final String D = "TSAR01DDD4";
    static final String E = "TSLK01EEE5";
    static final Map<String, String> BY_LETTER = Map.of("A", A, "B", B, "C", C, "D", D, "E", E);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate batches;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    DeviceListService securedService;

    final MutableClock clock = new MutableClock(NOW);
    DeviceListService devices;
    long tenantId;
    long otherTenantId;

    @BeforeEach
    void fiveDevicesAndOneOfAnotherTenant() {
        tenantId = TestData.tenant(jdbc, "Acme");
        otherTenantId = TestData.tenant(jdbc, "Borealis");
        device(A, OFFICE, "Lobby", "installed", NOW.minusSeconds(60), NOW.plusSeconds(840), 80, "1.2.0");
        device(B, LAB, null, "new", null, null, null, null);
        device(
                C,
                OFFICE,
                "Kitchen, 2nd floor",
                "installed",
                ago(Duration.ofHours(2)),
                ago(Duration.ofHours(1)),
                15,
                "2.0.1");
        device(D, null, "Room \"A\"", "quarantine", ago(Duration.ofDays(10)), ago(Duration.ofDays(9)), 20, "1.0.0");
        device(E, LAB, "Basement", "uninstalled", ago(Duration.ofMinutes(30)), NOW.plusSeconds(1800), 50, "1.2.0");
        device(otherTenantId, "TSPR04OTHER", OFFICE, "Lobby", "installed", NOW, NOW.plusSeconds(900), 5, "1.2.0");
        devices = withLowBatteryAt(20);
        signIn("Aino", tenantId, AppRoles.VIEWER);
    }

    @Test
    void the_first_page_is_sorted_by_tuid_and_the_count_covers_every_device_of_the_tenant() {
        assertThat(tuids(DeviceFilter.ALL, DevicePage.first(3))).containsExactly(D, C, E);
        assertThat(devices.count(DeviceFilter.ALL)).isEqualTo(5);
    }

    @Test
    void a_row_carries_what_thingsee_last_told_of_the_device() {
        assertThat(devices.list(DeviceFilter.ALL.withTuid("aaa1"), DevicePage.first(10)))
                .containsExactly(new DeviceListItem(
                        A,
                        "Thingsee PRESENCE",
                        OFFICE,
                        "Lobby",
                        "installed",
                        NOW.minusSeconds(60),
                        NOW.plusSeconds(840),
                        80,
                        "1.2.0",
                        false));
    }

    @Test
    void the_group_filter_keeps_the_groups_devices() {
        assertFilter(DeviceFilter.ALL.withGroup(OFFICE), C, A);
    }

    @Test
    void the_no_group_filter_keeps_the_devices_in_no_group() {
        assertFilter(DeviceFilter.ALL.withGroup(DeviceFilter.NO_GROUP), D);
    }

    @Test
    void the_product_filter_goes_by_the_tuids_imc() {
        assertFilter(DeviceFilter.ALL.withProduct(ProductType.PRESENCE), A, B);
        assertFilter(DeviceFilter.ALL.withProduct(ProductType.GATEWAY));
    }

    @Test
    void the_status_filter_keeps_devices_of_that_installation_status() {
        assertFilter(DeviceFilter.ALL.withStatus(InstallationStatus.INSTALLED), C, A);
    }

    @Test
    void the_battery_filter_keeps_known_levels_at_or_below_the_percentage() {
        assertFilter(DeviceFilter.ALL.withBatteryAtMost(20), D, C);
    }

    @Test
    void the_not_seen_filter_keeps_devices_silent_for_that_long_and_those_never_seen() {
        assertFilter(DeviceFilter.ALL.withNotSeenFor(Duration.ofHours(1)), D, C, B);
    }

    @Test
    void the_tuid_search_is_case_insensitive_and_takes_like_wildcards_literally() {
        assertFilter(DeviceFilter.ALL.withTuid(" eee "), E);
        assertFilter(DeviceFilter.ALL.withTuid("pr04"), A, B);
        assertFilter(DeviceFilter.ALL.withTuid("PR04_"));
        assertFilter(DeviceFilter.ALL.withTuid("%"));
    }

    @Test
    void filters_combine_so_that_every_one_must_hold() {
        assertFilter(DeviceFilter.ALL.withGroup(OFFICE).withBatteryAtMost(20), C);
        assertFilter(DeviceFilter.ALL.withNotSeenFor(Duration.ofHours(1)).withProduct(ProductType.PRESENCE), B);
        assertFilter(
                DeviceFilter.ALL
                        .withGroup(LAB)
                        .withStatus(InstallationStatus.UNINSTALLED)
                        .withTuid("tslk")
                        .withBatteryAtMost(50),
                E);
        assertFilter(DeviceFilter.ALL.withGroup(LAB).withStatus(InstallationStatus.INSTALLED));
    }

    @ParameterizedTest(name = "{0} descending={1}: {2}")
    @CsvSource({
        "TUID, false, D C E A B",
        "TUID, true, B A E C D",
        "PRODUCT_TYPE, false, D C E A B",
        "PRODUCT_TYPE, true, B A E C D",
        "GROUP, false, E B C A D",
        "GROUP, true, A C B E D",
        "ASSET, false, E C A D B",
        "ASSET, true, D A C E B",
        "INSTALLATION_STATUS, false, C A B D E",
        "INSTALLATION_STATUS, true, E D B A C",
        "LAST_SEEN, false, D C E A B",
        "LAST_SEEN, true, A E C D B",
        "BATTERY, false, C D E A B",
        "BATTERY, true, A E D C B",
        "FIRMWARE, false, D E A C B",
        "FIRMWARE, true, C A E D B",
    })
    void every_column_sorts_both_ways_with_unknown_values_last(DeviceSort sort, boolean descending, String order) {
        List<String> expected =
                Arrays.stream(order.split(" ")).map(BY_LETTER::get).toList();

        assertThat(tuids(DeviceFilter.ALL, new DevicePage(0, 10, sort, descending)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void pages_follow_each_other_without_overlap_or_gap() {
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            paged.addAll(tuids(DeviceFilter.ALL, new DevicePage(offset, 2, DeviceSort.FIRMWARE, false)));
        }

        assertThat(paged).containsExactly(D, E, A, C, B);
    }

    @Test
    void another_tenants_user_sees_only_that_tenants_device() {
        signIn("Britt", otherTenantId, AppRoles.ADMIN);

        assertThat(tuids(DeviceFilter.ALL, DevicePage.first(10))).containsExactly("TSPR04OTHER");
        assertThat(devices.count(DeviceFilter.ALL)).isEqualTo(1);
        assertThat(devices.find(List.of(A, "TSPR04OTHER")))
                .extracting(DeviceListItem::tuid)
                .containsExactly("TSPR04OTHER");
        assertThat(devices.groups("", 0, 10)).containsExactly(OFFICE);
        assertThat(devices.counts()).isEqualTo(new FleetCounts(1, 1, 0, 1));
    }

    @Test
    void find_returns_the_tenants_devices_of_the_tuids_whatever_the_filter() {
        assertThat(devices.find(List.of(B, E, "TSPR04OTHER", "TSPR04NONE")))
                .extracting(DeviceListItem::tuid)
                .containsExactlyInAnyOrder(B, E);
    }

    @Test
    void the_groups_to_filter_by_are_those_of_the_devices_with_unassigned_for_none() {
        assertThat(devices.groups("", 0, 10)).containsExactly(LAB, OFFICE, DeviceFilter.NO_GROUP);
        assertThat(devices.groups("LAB", 0, 10)).containsExactly(LAB);
        assertThat(devices.groups("unas", 0, 10)).containsExactly(DeviceFilter.NO_GROUP);
        assertThat(devices.groups("", 1, 1)).containsExactly(OFFICE);
    }

    @Test
    void low_battery_is_at_or_below_the_configured_percentage() {
        devices = withLowBatteryAt(50);

        assertThat(devices.counts().lowBattery()).isEqualTo(3);
        assertThat(devices.lowBatteryPercent()).isEqualTo(50);
    }

    private DeviceListService withLowBatteryAt(int percent) {
        var settings = new DevicesProperties(
                Duration.ofDays(7),
                Duration.ofHours(1),
                false,
                Duration.ofMinutes(5),
                Duration.ofSeconds(300),
                3,
                percent,
                Duration.ofMinutes(1));
        return new DeviceListService(new DeviceListStore(jdbc), currentUser, clock, settings);
    }

    @Test
    void counts_tell_online_stale_and_low_battery_and_a_device_never_seen_is_neither_online_nor_stale() {
        assertThat(devices.counts()).isEqualTo(new FleetCounts(5, 2, 2, 2));

        clock.advance(Duration.ofMinutes(20));
        assertThat(devices.counts()).isEqualTo(new FleetCounts(5, 1, 3, 2));

        clock.advance(Duration.ofHours(1));
        assertThat(devices.counts()).isEqualTo(new FleetCounts(5, 0, 4, 2));
    }

    @Test
    void the_csv_has_a_header_iso_times_empty_unknowns_and_rfc_4180_quoting() {
        var csv = new StringWriter();

        devices.exportCsv(DeviceFilter.ALL.withGroup(OFFICE).withStatus(null), DeviceSort.TUID, false, csv);

        assertThat(csv.toString())
                .isEqualTo(
                        "tuid,product,group,asset,installation_status,last_seen,stale_at,battery_percent,firmware\r\n"
                                + "TSEN01CCC3,Thingsee ENVIRONMENT,prfi00office,\"Kitchen, 2nd floor\",installed,"
                                + "2026-11-20T08:00:00Z,2026-11-20T09:00:00Z,15,2.0.1\r\n"
                                + "TSPR04AAA1,Thingsee PRESENCE,prfi00office,Lobby,installed,"
                                + "2026-11-20T09:59:00Z,2026-11-20T10:14:00Z,80,1.2.0\r\n");
    }

    @Test
    void csv_fields_with_quotes_or_line_breaks_are_quoted_and_unknown_values_are_empty() {
        var csv = new StringWriter();

        devices.exportCsv(DeviceFilter.ALL.withTuid("ddd4"), DeviceSort.TUID, false, csv);
        devices.exportCsv(DeviceFilter.ALL.withTuid("bbb2"), DeviceSort.TUID, false, csv);

        assertThat(csv.toString().split("\r\n"))
                .contains(
                        "TSAR01DDD4,Thingsee AIR,,\"Room \"\"A\"\"\",quarantine,2026-11-10T10:00:00Z,"
                                + "2026-11-11T10:00:00Z,20,1.0.0",
                        "TSPR04BBB2,Thingsee PRESENCE,prfi00lab,,new,,,,");
        assertThat(Csv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(Csv.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    }

    @Test
    void a_csv_field_a_spreadsheet_would_take_for_a_formula_is_kept_as_text() {
        assertThat(Csv.field("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(Csv.field("+1")).isEqualTo("'+1");
        assertThat(Csv.field("-2")).isEqualTo("'-2");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("\tcell")).isEqualTo("'\tcell");
        assertThat(Csv.field("\rcell")).isEqualTo("\"'\rcell\"");
        assertThat(Csv.field("Room 1 = lobby")).isEqualTo("Room 1 = lobby");
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void the_csv_export_reads_page_after_page_and_writes_every_matching_device_once_in_order() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2 * DeviceListService.EXPORT_PAGE + 1; i++) {
            rows.add(new Object[] {tenantId, "TSTF01%05d".formatted(i), Timestamp.from(NOW), "bulk"});
        }
        batches.batchUpdate("INSERT INTO device (tenant_id, tuid, created_at, asset_name) VALUES (?, ?, ?, ?)", rows);
        var csv = new StringWriter();

        devices.exportCsv(DeviceFilter.ALL.withTuid("TSTF01"), DeviceSort.TUID, true, csv);

        String[] lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(2 * DeviceListService.EXPORT_PAGE + 2);
        assertThat(lines[1]).startsWith("TSTF0102000,");
        assertThat(lines[lines.length - 1]).startsWith("TSTF0100000,");
        assertThat(Arrays.stream(lines).skip(1).distinct()).hasSize(2 * DeviceListService.EXPORT_PAGE + 1);
    }

    @Test
    void the_csv_export_writes_each_page_before_it_reads_the_next() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2 * DeviceListService.EXPORT_PAGE + 1; i++) {
            rows.add(new Object[] {tenantId, "TSTF01%05d".formatted(i), Timestamp.from(NOW)});
        }
        batches.batchUpdate("INSERT INTO device (tenant_id, tuid, created_at) VALUES (?, ?, ?)", rows);
        var csv = new StringWriter();
        List<Long> linesWrittenAtEachRead = new ArrayList<>();
        var store = new DeviceListStore(jdbc) {
            @Override
            List<DeviceListItem> page(long tenant, Long site, DeviceFilter filter, Instant now, DevicePage page) {
                linesWrittenAtEachRead.add(
                        csv.toString().chars().filter(c -> c == '\n').count());
                assertThat(page.limit()).isEqualTo(DeviceListService.EXPORT_PAGE);
                return super.page(tenant, site, filter, now, page);
            }
        };
        var settings = new DevicesProperties(
                Duration.ofDays(7),
                Duration.ofHours(1),
                false,
                Duration.ofMinutes(5),
                Duration.ofSeconds(300),
                3,
                20,
                Duration.ofMinutes(1));

        new DeviceListService(store, currentUser, clock, settings)
                .exportCsv(DeviceFilter.ALL.withTuid("TSTF01"), DeviceSort.TUID, false, csv);

        // The header, then each page of rows, is written before the next page is read: nothing is held whole.
        long page = DeviceListService.EXPORT_PAGE;
        assertThat(linesWrittenAtEachRead).containsExactly(1L, 1L + page, 1L + 2 * page);
    }

    @Test
    void the_service_bean_lets_installers_read_and_denies_users_of_no_tenant() {
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
        assertThat(securedService.count(DeviceFilter.ALL)).isEqualTo(5);

        signIn("Otto", null, AppRoles.OPERATOR);
        assertThatThrownBy(() -> securedService.list(DeviceFilter.ALL, DevicePage.first(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_battery_percentage_outside_0_to_100_is_refused() {
        assertThatThrownBy(() -> DeviceFilter.ALL.withBatteryAtMost(101)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertFilter(DeviceFilter filter, String... expected) {
        assertThat(tuids(filter, DevicePage.first(10))).containsExactly(expected);
        assertThat(devices.count(filter)).isEqualTo(expected.length);
    }

    private List<String> tuids(DeviceFilter filter, DevicePage page) {
        return devices.list(filter, page).stream().map(DeviceListItem::tuid).toList();
    }

    private static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    private void device(
            String tuid,
            @Nullable String group,
            @Nullable String asset,
            String status,
            @Nullable Instant lastSeen,
            @Nullable Instant staleAt,
            @Nullable Integer battery,
            @Nullable String firmware) {
        device(tenantId, tuid, group, asset, status, lastSeen, staleAt, battery, firmware);
    }

    private void device(
            long tenant,
            String tuid,
            @Nullable String group,
            @Nullable String asset,
            String status,
            @Nullable Instant lastSeen,
            @Nullable Instant staleAt,
            @Nullable Integer battery,
            @Nullable String firmware) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, group_id, product_type, asset_name,"
                        + " installation_status, last_seen, stale_at, battery_level, firmware)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenant,
                        tuid,
                        Timestamp.from(NOW),
                        group,
                        ProductType.ofTuid(tuid).map(ProductType::productName).orElse(null),
                        asset,
                        status,
                        lastSeen == null ? null : Timestamp.from(lastSeen),
                        staleAt == null ? null : Timestamp.from(staleAt),
                        battery,
                        firmware)
                .update();
    }
}
