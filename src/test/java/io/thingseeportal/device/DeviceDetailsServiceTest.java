package io.thingseeportal.device;

import static io.thingseeportal.device.DeviceRows.configuration;
import static io.thingseeportal.device.DeviceRows.message;
import static io.thingseeportal.device.DeviceRows.reading;
import static io.thingseeportal.device.DeviceRows.reportingDevice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.NoThingseeStackException;
import io.thingseeportal.thingsee.ThingseeException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** One device for its page: facts, values, series, messages and Thingsee's word, only ever of the user's tenant. */
class DeviceDetailsServiceTest extends MockedThingseeTest {

    static final String TUID = "TSPR04AAA00000001";
    static final String OFFICE = "prfi00office";

    @Autowired
    DeviceDetailsService details;

    @Autowired
    DeviceUpdates updates;

    @Autowired
    Clock clock;

    long tenantId;
    long otherTenantId;
    Instant now;

    @BeforeEach
    void aPresenceSensorInTheOffice() {
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        tenantId = TestData.tenant(jdbc, "Acme");
        otherTenantId = TestData.tenant(jdbc, "Borealis");
        reportingDevice(jdbc, tenantId, TUID, OFFICE, 87, now.minusSeconds(30), 300);
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
    }

    @Test
    void the_facts_are_what_the_device_row_holds_with_the_product_from_the_imc() {
        assertThat(details.find(TUID))
                .contains(new DeviceDetails(
                        TUID,
                        "Thingsee PRESENCE",
                        OFFICE,
                        null,
                        "installed",
                        now.minusSeconds(30),
                        now.minusSeconds(29),
                        "TSGW01GATEWAY",
                        87,
                        0,
                        "2024.1.2_pir",
                        300,
                        false,
                        false));
    }

    @Test
    void a_device_silent_for_three_report_intervals_is_stale() {
        reportingDevice(jdbc, tenantId, "TSPR04SILENT", OFFICE, 50, now.minusSeconds(901), 300);

        assertThat(details.find("TSPR04SILENT").orElseThrow().stale()).isTrue();
    }

    @Test
    void another_tenants_device_an_unknown_and_an_invalid_tuid_are_no_device() {
        reportingDevice(jdbc, otherTenantId, "TSPR04THEIRS", null, 10, now, 300);
        reading(jdbc, otherTenantId, "TSPR04THEIRS", 1110, now, "\"batl\":10");

        for (String tuid : List.of("TSPR04THEIRS", "TSPR04NOSUCH", "not a tuid/..", "")) {
            assertThat(details.find(tuid)).isEmpty();
            assertThat(details.latestValues(tuid)).isEmpty();
            assertThat(details.messages(tuid, now, 0, 10)).isEmpty();
            assertThat(details.countMessages(tuid, now)).isZero();
            assertThat(details.newestMessages(tuid, 10)).isEmpty();
            assertThat(details.series(tuid, DeviceSeries.BATTERY, SeriesRange.WEEK))
                    .isEmpty();
            assertThatThrownBy(() -> details.refreshFromThingsee(tuid)).isInstanceOf(NoSuchDeviceException.class);
            assertThatThrownBy(() -> details.installationHistory(tuid)).isInstanceOf(NoSuchDeviceException.class);
        }
        verifyNoInteractions(thingsee);
    }

    @Test
    void the_same_tuid_in_another_tenant_shows_only_the_users_own_rows() {
        reportingDevice(jdbc, otherTenantId, TUID, null, 10, now, 300);
        reading(jdbc, otherTenantId, TUID, 1110, now, "\"batl\":10");
        reading(jdbc, tenantId, TUID, 1110, now.minusSeconds(60), "\"batl\":87");

        assertThat(details.find(TUID).orElseThrow().batteryLevel()).isEqualTo(87);
        assertThat(details.latestValues(TUID))
                .singleElement()
                .satisfies(value -> assertThat(value.fields()).containsEntry("batl", 87));
        assertThat(details.countMessages(TUID, now)).isOne();
    }

    @Test
    void the_latest_values_keep_their_fields_and_the_numeric_ones_are_the_series_battery_first() {
        reading(jdbc, tenantId, TUID, 13100, now.minusSeconds(60), "\"moveCount\":4,\"note\":\"x\"");
        reading(jdbc, tenantId, TUID, 1110, now.minusSeconds(120), "\"batl\":87,\"chrg\":0");
        reading(jdbc, tenantId, TUID, 1111, now.minusSeconds(90), "\"accx\":-1.5,\"accy\":0.25,\"accz\":1000");

        assertThat(details.latestValues(TUID))
                .extracting(DeviceValue::tsmId, DeviceValue::time)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1110, now.minusSeconds(120)),
                        org.assertj.core.groups.Tuple.tuple(1111, now.minusSeconds(90)),
                        org.assertj.core.groups.Tuple.tuple(13100, now.minusSeconds(60)));
        assertThat(details.latestValues(TUID).get(1).fields())
                .containsExactly(Map.entry("accx", -1.5), Map.entry("accy", 0.25), Map.entry("accz", 1000));
        assertThat(details.seriesOf(TUID))
                .containsExactly(
                        DeviceSeries.BATTERY,
                        new DeviceSeries(1110, "chrg"),
                        new DeviceSeries(1111, "accx"),
                        new DeviceSeries(1111, "accy"),
                        new DeviceSeries(1111, "accz"),
                        new DeviceSeries(13100, "moveCount"));
    }

    @Test
    void the_reported_configuration_names_the_transaction_it_answered() {
        configuration(jdbc, tenantId, TUID, 1500, now, 42, "\"measurementInterval\":10,\"reportInterval\":60");

        assertThat(details.reportedConfiguration(TUID))
                .containsExactly(new ReportedConfiguration(
                        1500, now, 42L, Map.of("measurementInterval", 10, "reportInterval", 60)));
    }

    @Test
    void pages_of_messages_up_to_a_time_hold_still_while_newer_ones_arrive() {
        for (int minute = 2; minute <= 5; minute++) {
            message(jdbc, tenantId, TUID, 13100, now.minus(Duration.ofMinutes(minute)), "\"moveCount\":" + minute);
        }
        Instant shownUpTo = details.newestMessages(TUID, 1).get(0).time();

        message(jdbc, tenantId, TUID, 1110, now.minus(Duration.ofMinutes(1)), "\"batl\":80");

        assertThat(details.countMessages(TUID, shownUpTo)).isEqualTo(4);
        assertThat(details.messages(TUID, shownUpTo, 1, 1))
                .extracting(RecentMessage::time)
                .containsExactly(now.minus(Duration.ofMinutes(3)));
        assertThat(details.newestMessages(TUID, 2))
                .extracting(RecentMessage::tsmId, RecentMessage::time)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1110, now.minus(Duration.ofMinutes(1))),
                        org.assertj.core.groups.Tuple.tuple(13100, now.minus(Duration.ofMinutes(2))));
    }

    @Test
    void messages_come_newest_first_a_page_at_a_time_and_their_json_on_demand() {
        for (int minute = 1; minute <= 5; minute++) {
            message(jdbc, tenantId, TUID, 13100, now.minus(Duration.ofMinutes(minute)), "\"moveCount\":" + minute);
        }

        assertThat(details.countMessages(TUID, now)).isEqualTo(5);
        List<RecentMessage> secondPage = details.messages(TUID, now, 2, 2);
        assertThat(secondPage)
                .extracting(RecentMessage::time)
                .containsExactly(now.minus(Duration.ofMinutes(3)), now.minus(Duration.ofMinutes(4)));
        assertThat(details.payload(TUID, secondPage.get(0)))
                .hasValueSatisfying(
                        json -> assertThat(json).contains("\"moveCount\" : 3").contains("\n"));
    }

    @Test
    void the_series_reaches_back_24_hours_or_7_days() {
        reading(jdbc, tenantId, TUID, 1110, now.minus(Duration.ofDays(8)), "\"batl\":99");
        reading(jdbc, tenantId, TUID, 1110, now.minus(Duration.ofDays(3)), "\"batl\":95");
        reading(jdbc, tenantId, TUID, 1110, now.minus(Duration.ofHours(2)), "\"batl\":90");
        reading(jdbc, tenantId, TUID, 1110, now.minus(Duration.ofHours(1)), "\"batl\":89.5");
        reading(jdbc, tenantId, TUID, 13100, now.minus(Duration.ofHours(1)), "\"moveCount\":3");

        assertThat(details.series(TUID, DeviceSeries.BATTERY, SeriesRange.DAY))
                .containsExactly(
                        new SeriesPoint(now.minus(Duration.ofHours(2)), 90),
                        new SeriesPoint(now.minus(Duration.ofHours(1)), 89.5));
        assertThat(details.series(TUID, DeviceSeries.BATTERY, SeriesRange.WEEK))
                .extracting(SeriesPoint::value)
                .containsExactly(95.0, 90.0, 89.5);
    }

    @Test
    void more_readings_than_a_chart_shows_are_averaged_over_time_buckets() {
        // A reading every 30 s for 24 hours: 2,880 readings, 500 buckets of 172.8 s.
        Instant from = now.minus(Duration.ofHours(24));
        for (int i = 1; i <= 2880; i++) {
            message(jdbc, tenantId, TUID, 1110, from.plusSeconds(30L * i), "\"batl\":" + (i % 2 == 0 ? 80 : 90));
        }

        List<SeriesPoint> points = details.series(TUID, DeviceSeries.BATTERY, SeriesRange.DAY);

        assertThat(points)
                .hasSizeLessThanOrEqualTo(DeviceDetailsService.MAX_POINTS)
                .hasSizeGreaterThan(450);
        assertThat(points).extracting(SeriesPoint::time).isSorted();
        assertThat(points).allSatisfy(point -> assertThat(point.value()).isBetween(80.0, 90.0));
        assertThat(points.stream().mapToDouble(SeriesPoint::value).average().orElseThrow())
                .isCloseTo(85.0, within(0.5));
        assertThat(points.get(points.size() - 1).time()).isAfter(now.minus(Duration.ofMinutes(4)));
    }

    @Test
    void readings_after_the_charts_newest_are_the_ones_to_append() {
        reading(jdbc, tenantId, TUID, 1110, now.minusSeconds(120), "\"batl\":88");
        reading(jdbc, tenantId, TUID, 1110, now.minusSeconds(60), "\"batl\":87");

        assertThat(details.readingsAfter(TUID, DeviceSeries.BATTERY, now.minusSeconds(120)))
                .containsExactly(new SeriesPoint(now.minusSeconds(60), 87));
    }

    @Test
    void a_refresh_records_what_thingsee_says_and_tells_the_live_views() {
        Instant thingseeSeen = now.minusSeconds(5);
        when(thingsee.getDevice(STACK, TUID))
                .thenReturn(new DeviceInfo(TUID, 64, thingseeSeen, null, "TSGW02OTHER", "2025.2.0_pir"));
        when(thingsee.getInstallationStatus(STACK, TUID))
                .thenReturn(Optional.of(new InstallationRecord(TUID, InstallationStatus.QUARANTINE, null)));
        when(thingsee.getDeviceGroup(STACK, TUID)).thenReturn(new GroupAssignment(TUID, GroupAssignment.UNASSIGNED));
        var changed = new CopyOnWriteArrayList<Set<String>>();
        var subscription = updates.subscribe(changed::add);

        DeviceDetails refreshed = details.refreshFromThingsee(TUID).join();

        assertThat(refreshed.batteryLevel()).isEqualTo(64);
        assertThat(refreshed.lastSeen()).isEqualTo(thingseeSeen);
        assertThat(refreshed.gatewayTuid()).isEqualTo("TSGW02OTHER");
        assertThat(refreshed.firmware()).isEqualTo("2025.2.0_pir");
        assertThat(refreshed.installationStatus()).isEqualTo("quarantine");
        assertThat(refreshed.groupId()).isNull();
        assertThat(details.find(TUID)).contains(refreshed);
        assertThat(instantColumn("group_at")).isNotNull();
        assertThat(instantColumn("stale_at")).isEqualTo(thingseeSeen.plusSeconds(900));
        await().atMost(Duration.ofSeconds(5)).until(() -> changed.contains(Set.of(TUID)));
        subscription.remove();
    }

    @Test
    void a_refresh_never_moves_last_seen_or_the_battery_back_in_time() {
        when(thingsee.getDevice(STACK, TUID))
                .thenReturn(new DeviceInfo(TUID, 99, now.minus(Duration.ofHours(1)), null, null, null));
        when(thingsee.getInstallationStatus(STACK, TUID)).thenReturn(Optional.empty());
        when(thingsee.getDeviceGroup(STACK, TUID)).thenReturn(new GroupAssignment(TUID, OFFICE));

        DeviceDetails refreshed = details.refreshFromThingsee(TUID).join();

        assertThat(refreshed.lastSeen()).isEqualTo(now.minusSeconds(30));
        assertThat(refreshed.batteryLevel()).isEqualTo(87);
        assertThat(refreshed.installationStatus()).isEqualTo("installed");
        assertThat(refreshed.groupId()).isEqualTo(OFFICE);
        assertThat(refreshed.firmware()).isEqualTo("2024.1.2_pir");
    }

    @Test
    void a_device_thingsee_does_not_know_fails_the_refresh_with_that_reason() {
        when(thingsee.getDevice(STACK, TUID))
                .thenThrow(new ThingseeException.NotFound(404, "Not Found", "No such thing"));

        assertThatThrownBy(() -> details.refreshFromThingsee(TUID).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(DeviceUnknownToThingseeException.class);
        assertThat(details.find(TUID).orElseThrow().batteryLevel()).isEqualTo(87);
    }

    @Test
    void without_a_thingsee_stack_the_refresh_is_refused_at_once() {
        when(stacks.forTenant(anyString())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> details.refreshFromThingsee(TUID)).isInstanceOf(NoThingseeStackException.class);
        verifyNoInteractions(thingsee);
    }

    @Test
    void the_installation_history_comes_from_thingsee_newest_first() {
        var history = List.of(
                new InstallationRecord(TUID, InstallationStatus.INSTALLED, OFFICE),
                new InstallationRecord(TUID, InstallationStatus.NEW, null));
        when(thingsee.getInstallationHistory(any(), anyString(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(history);

        assertThat(details.installationHistory(TUID).join()).isEqualTo(history);
    }

    @Test
    void a_user_without_a_portal_role_reads_nothing() {
        signIn("Nobody", tenantId);

        assertThatThrownBy(() -> details.find(TUID)).isInstanceOf(AccessDeniedException.class);
    }

    private Instant instantColumn(String column) {
        return jdbc.sql("SELECT " + column + " FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }
}
