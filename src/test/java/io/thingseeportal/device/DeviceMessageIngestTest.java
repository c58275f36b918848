package io.thingseeportal.device;

import static io.thingseeportal.device.StreamMessages.batch;
import static io.thingseeportal.device.StreamMessages.configuration;
import static io.thingseeportal.device.StreamMessages.historyCount;
import static io.thingseeportal.device.StreamMessages.message;
import static io.thingseeportal.device.StreamMessages.number;
import static io.thingseeportal.device.StreamMessages.text;
import static io.thingseeportal.device.StreamMessages.time;
import static io.thingseeportal.device.StreamMessages.value;
import static io.thingseeportal.device.StreamMessages.with;
import static io.thingseeportal.device.StreamMessages.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** The data stream into the device rows, values, configurations and history: newest wins, duplicates change nothing. */
@RecordApplicationEvents
class DeviceMessageIngestTest extends KaribuTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String TUID = "TSPR04EZU31901021";

    @Autowired
    DeviceMessageIngest ingest;

    @Autowired
    DeviceService devices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ApplicationEvents events;

    long acme;
    String acmeSlug;

    @BeforeEach
    void aTenant() {
        acme = TestData.tenant(jdbc, "Acme");
        acmeSlug = StreamMessages.slug(jdbc, acme);
    }

    @Test
    void a_message_of_an_unknown_device_adds_it_with_its_product_type() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 13100, 10, T0, "moveCount", 4)));

        assertThat(text(jdbc, acme, TUID, "product_type")).isEqualTo("Thingsee PRESENCE");
        assertThat(text(jdbc, acme, TUID, "installation_status")).isEqualTo("new");
        assertThat(time(jdbc, acme, TUID, "last_seen")).isEqualTo(T0);
        assertThat(time(jdbc, acme, TUID, "last_arrival_at")).isEqualTo(T0);
        assertThat(text(jdbc, acme, TUID, "gateway_tuid")).isEqualTo("TSGW06GATEWAY0001");
        assertThat(value(jdbc, acme, TUID, 13100)).isEqualTo("{\"moveCount\":4}");
        assertThat(historyCount(jdbc, acme)).isEqualTo(1);
    }

    @Test
    void the_history_keeps_the_whole_message_as_json_as_it_arrived() {
        ThingseeMessage message = message(TUID, 13100, 10, T0, "moveCount", 4);
        String arrived = "{\"moveCount\": 4, \"tsmTuid\": \"" + TUID + "\", \"tsmId\": 13100, \"tsmEv\": 10,"
                + " \"tsmTs\": " + T0.getEpochSecond() + "}";

        ingest.ingest(new ThingseeMessagesReceived(
                acmeSlug,
                List.of(new ThingseeMessageReceived(
                        acmeSlug, StreamMessages.TOPIC, "prfi00office", message, arrived, T0))));

        assertThat(jdbc.sql("SELECT payload FROM device_message WHERE tenant_id = ?")
                        .param(acme)
                        .query(String.class)
                        .single())
                .isEqualTo(arrived);
    }

    @Test
    void an_older_message_after_a_newer_one_changes_nothing() {
        Instant earlier = T0.minusSeconds(600);
        ingest.ingest(batch(
                acmeSlug,
                T0,
                message(TUID, 1110, 10, T0, "batl", 80, "chrg", 0),
                message(TUID, 13100, 10, T0, "moveCount", 4),
                message(TUID, 1500, 31, T0, "transactionId", 7, "measurementInterval", 60, "reportInterval", 300)));

        ingest.ingest(batch(
                acmeSlug,
                T0.plusSeconds(5),
                with(message(TUID, 1110, 10, earlier, "batl", 95, "chrg", 1), "tsmGw", "TSGW06OTHER000001"),
                message(TUID, 13100, 10, earlier, "moveCount", 9),
                message(TUID, 1500, 31, earlier, "transactionId", 6, "measurementInterval", 60, "reportInterval", 60)));

        assertThat(time(jdbc, acme, TUID, "last_seen")).isEqualTo(T0);
        assertThat(text(jdbc, acme, TUID, "gateway_tuid")).isEqualTo("TSGW06GATEWAY0001");
        assertThat(number(jdbc, acme, TUID, "battery_level")).isEqualTo(80);
        assertThat(number(jdbc, acme, TUID, "report_interval_s")).isEqualTo(300);
        assertThat(value(jdbc, acme, TUID, 13100)).isEqualTo("{\"moveCount\":4}");
        assertThat(configuration(jdbc, acme, TUID, 1500))
                .isEqualTo("{\"measurementInterval\":60,\"reportInterval\":300}");
        assertThat(historyCount(jdbc, acme)).isEqualTo(6);
        assertThat(time(jdbc, acme, TUID, "last_arrival_at")).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void a_late_message_older_than_the_devices_newest_still_counts_where_nothing_newer_is_stored() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 1110, 10, T0, "batl", 80, "chrg", 0)));

        ingest.ingest(batch(
                acmeSlug,
                T0.plusSeconds(5),
                message(TUID, 13100, 10, T0.minusSeconds(900), "moveCount", 3),
                message(TUID, 1110, 10, T0.minusSeconds(600), "batl", 95, "chrg", 1)));

        assertThat(historyCount(jdbc, acme)).isEqualTo(3);
        assertThat(value(jdbc, acme, TUID, 13100)).isEqualTo("{\"moveCount\":3}");
        assertThat(value(jdbc, acme, TUID, 1110)).isEqualTo("{\"batl\":80,\"chrg\":0}");
        assertThat(time(jdbc, acme, TUID, "last_arrival_at")).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void a_newer_message_replaces_value_battery_and_configuration() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 1110, 10, T0, "batl", 80, "chrg", 0)));

        ingest.ingest(batch(
                acmeSlug,
                T0.plusSeconds(300),
                message(TUID, 1110, 10, T0.plusSeconds(300), "batl", 79, "chrg", 1),
                message(TUID, 1500, 31, T0.plusSeconds(300), "transactionId", 8, "reportInterval", 60)));

        assertThat(number(jdbc, acme, TUID, "battery_level")).isEqualTo(79);
        assertThat(number(jdbc, acme, TUID, "battery_charging")).isEqualTo(1);
        assertThat(time(jdbc, acme, TUID, "battery_at")).isEqualTo(T0.plusSeconds(300));
        assertThat(value(jdbc, acme, TUID, 1110)).isEqualTo("{\"batl\":79,\"chrg\":1}");
        assertThat(jdbc.sql("SELECT transaction_id FROM device_configuration WHERE tenant_id = ? AND tuid = ?")
                        .params(acme, TUID)
                        .query(Long.class)
                        .single())
                .isEqualTo(8L);
    }

    @Test
    void a_duplicate_is_stored_once_and_changes_nothing() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 1110, 10, T0, "batl", 80)));
        events.clear();

        ingest.ingest(batch(acmeSlug, T0.plusSeconds(60), message(TUID, 1110, 10, T0, "batl", 10)));

        assertThat(historyCount(jdbc, acme)).isEqualTo(1);
        assertThat(number(jdbc, acme, TUID, "battery_level")).isEqualTo(80);
        assertThat(time(jdbc, acme, TUID, "last_arrival_at")).isEqualTo(T0);
        assertThat(events.stream(DeviceStateChanged.class)).isEmpty();
    }

    @Test
    void a_duplicate_within_one_batch_is_stored_once() {
        var twice = message(TUID, 13100, 10, T0, "moveCount", 4);

        ingest.ingest(batch(acmeSlug, T0, twice, twice));

        assertThat(historyCount(jdbc, acme)).isEqualTo(1);
    }

    @Test
    void a_message_time_far_in_the_future_is_not_believed() {
        Instant future = T0.plus(Duration.ofHours(2));

        ingest.ingest(batch(acmeSlug, T0, message(TUID, 1110, 10, future, "batl", 50)));

        assertThat(time(jdbc, acme, TUID, "last_seen")).isEqualTo(T0);
        assertThat(time(jdbc, acme, TUID, "battery_at")).isEqualTo(T0);
        assertThat(jdbc.sql("SELECT tsm_ts FROM device_message WHERE tenant_id = ?")
                        .param(acme)
                        .query((row, number) -> row.getTimestamp(1).toInstant())
                        .single())
                .isEqualTo(future);

        ingest.ingest(batch(acmeSlug, T0.plusSeconds(300), message(TUID, 1110, 10, T0.plusSeconds(300), "batl", 49)));

        assertThat(number(jdbc, acme, TUID, "battery_level")).isEqualTo(49);
    }

    @Test
    void a_message_time_a_little_ahead_of_the_arrival_is_believed() {
        Instant ahead = T0.plusSeconds(120);

        ingest.ingest(batch(acmeSlug, T0, message(TUID, 13100, 10, ahead, "moveCount", 1)));

        assertThat(time(jdbc, acme, TUID, "last_seen")).isEqualTo(ahead);
    }

    @Test
    void firmware_comes_from_system_information() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 1100, 11, T0, "swVersion", "2023.06.12.2_ts_pir4")));
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 1100, 11, T0.minusSeconds(60), "swVersion", "old")));

        assertThat(text(jdbc, acme, TUID, "firmware")).isEqualTo("2023.06.12.2_ts_pir4");
        assertThat(time(jdbc, acme, TUID, "firmware_at")).isEqualTo(T0);
    }

    @Test
    void the_group_comes_from_the_deployment_group_id_and_unassigned_is_no_group() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 13100, 10, T0, "moveCount", 1)));

        assertThat(text(jdbc, acme, TUID, "group_id")).isEqualTo("prfi00office");

        ingest.ingest(batch(
                acmeSlug,
                T0.plusSeconds(60),
                with(message(TUID, 13100, 10, T0.plusSeconds(60), "moveCount", 2), "deploymentGroupId", "unassigned")));

        assertThat(text(jdbc, acme, TUID, "group_id")).isNull();
        assertThat(time(jdbc, acme, TUID, "group_at")).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void an_invalid_group_id_changes_no_group() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 13100, 10, T0, "moveCount", 1)));

        ingest.ingest(batch(
                acmeSlug,
                T0.plusSeconds(60),
                with(
                        message(TUID, 13100, 10, T0.plusSeconds(60), "moveCount", 2),
                        "deploymentGroupId",
                        "Not A Group")));

        assertThat(text(jdbc, acme, TUID, "group_id")).isEqualTo("prfi00office");
    }

    @Test
    void a_message_sent_before_the_portal_moved_the_device_leaves_its_group() {
        TestData.device(jdbc, acme, TUID, "prfi00office");
        signIn("Aino", acme, AppRoles.ADMIN);
        assertThat(devices.assignGroup(TUID, "prfi00lab")).isTrue();
        Instant movedAt = time(jdbc, acme, TUID, "group_at");
        assertThat(movedAt).isNotNull();

        ingest.ingest(batch(acmeSlug, movedAt, message(TUID, 13100, 10, movedAt.minusSeconds(30), "moveCount", 1)));

        assertThat(text(jdbc, acme, TUID, "group_id")).isEqualTo("prfi00lab");

        Instant later = movedAt.plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        ingest.ingest(batch(acmeSlug, later, message(TUID, 13100, 10, later, "moveCount", 2)));

        assertThat(text(jdbc, acme, TUID, "group_id")).isEqualTo("prfi00office");
    }

    @Test
    void a_message_sent_before_the_group_was_renamed_does_not_bring_back_the_old_id() {
        TestData.device(jdbc, acme, TUID, "prfi00office");
        signIn("Aino", acme, AppRoles.ADMIN);
        assertThat(devices.renameGroup("prfi00office", "prfi00hq")).isEqualTo(1);
        Instant renamedAt = time(jdbc, acme, TUID, "group_at");

        ingest.ingest(batch(acmeSlug, renamedAt, message(TUID, 13100, 10, renamedAt.minusSeconds(30), "moveCount", 1)));

        assertThat(text(jdbc, acme, TUID, "group_id")).isEqualTo("prfi00hq");
    }

    @Test
    void a_message_sent_before_the_sync_imported_the_device_does_not_move_it() {
        signIn("Aino", acme, AppRoles.ADMIN);
        devices.importGroupMembers("prfi00lab", java.util.List.of(TUID));
        Instant importedAt = time(jdbc, acme, TUID, "group_at");
        assertThat(importedAt).isNotNull();

        ingest.ingest(
                batch(acmeSlug, importedAt, message(TUID, 13100, 10, importedAt.minusSeconds(30), "moveCount", 1)));

        assertThat(text(jdbc, acme, TUID, "group_id")).isEqualTo("prfi00lab");
    }

    @Test
    void the_device_is_stale_after_three_report_intervals() {
        ingest.ingest(batch(acmeSlug, T0, message(TUID, 13100, 10, T0, "moveCount", 1)));

        assertThat(time(jdbc, acme, TUID, "stale_at")).isEqualTo(T0.plusSeconds(3 * 300));

        ingest.ingest(
                batch(acmeSlug, T0.plusSeconds(10), message(TUID, 1500, 31, T0.plusSeconds(10), "reportInterval", 60)));

        assertThat(number(jdbc, acme, TUID, "report_interval_s")).isEqualTo(60);
        assertThat(time(jdbc, acme, TUID, "stale_at")).isEqualTo(T0.plusSeconds(10 + 3 * 60));
    }

    @Test
    void a_message_never_changes_another_tenants_device_of_the_same_tuid_and_group() {
        long borealis = TestData.tenant(jdbc, "Borealis");
        TestData.group(jdbc, acme, "prfi00office");
        TestData.group(jdbc, borealis, "prfi00office");
        TestData.device(jdbc, borealis, TUID, "prfi00office", "Thingsee PRESENCE", 50, T0.minusSeconds(3600));

        ingest.ingest(batch(
                acmeSlug,
                T0,
                message(TUID, 1110, 10, T0, "batl", 99),
                message(TUID, 1500, 31, T0, "reportInterval", 60),
                with(message(TUID, 13100, 10, T0, "moveCount", 1), "deploymentGroupId", "unassigned")));

        assertThat(number(jdbc, borealis, TUID, "battery_level")).isEqualTo(50);
        assertThat(time(jdbc, borealis, TUID, "last_seen")).isEqualTo(T0.minusSeconds(3600));
        assertThat(text(jdbc, borealis, TUID, "group_id")).isEqualTo("prfi00office");
        assertThat(historyCount(jdbc, borealis)).isZero();
        assertThat(value(jdbc, borealis, TUID, 1110)).isNull();
        assertThat(configuration(jdbc, borealis, TUID, 1500)).isNull();
        assertThat(number(jdbc, acme, TUID, "battery_level")).isEqualTo(99);
    }

    @Test
    void the_change_is_published_after_the_commit() {
        transaction.executeWithoutResult(status -> {
            ingest.ingest(batch(acmeSlug, T0, message(TUID, 13100, 10, T0, "moveCount", 1)));
            assertThat(events.stream(DeviceStateChanged.class)).isEmpty();
        });

        assertThat(events.stream(DeviceStateChanged.class))
                .containsExactly(new DeviceStateChanged(acme, java.util.Set.of(TUID)));
    }

    @Test
    void a_rolled_back_batch_publishes_nothing_and_leaves_nothing() {
        transaction.executeWithoutResult(status -> {
            ingest.ingest(batch(acmeSlug, T0, message(TUID, 13100, 10, T0, "moveCount", 1)));
            status.setRollbackOnly();
        });

        assertThat(events.stream(DeviceStateChanged.class)).isEmpty();
        assertThat(historyCount(jdbc, acme)).isZero();
    }

    @Test
    void a_batch_published_as_an_application_event_reaches_the_ingest() {
        publisher.publishEvent(batch(acmeSlug, T0, message(TUID, 13100, 10, T0, "moveCount", 1)));

        assertThat(historyCount(jdbc, acme)).isEqualTo(1);
        assertThat(events.stream(DeviceStateChanged.class)).hasSize(1);
    }

    @Test
    void an_unknown_tsm_id_is_counted_and_skipped() {
        double before = rejected("unknown-tsmid");

        ingest.ingest(batch(
                acmeSlug,
                T0,
                message(TUID, 99999, 10, T0, "mystery", 1),
                message("TSPR04OTHERDEVICE", 13100, 10, T0, "moveCount", 1)));

        assertThat(rejected("unknown-tsmid")).isEqualTo(before + 1);
        assertThat(historyCount(jdbc, acme)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ? AND tuid = ?")
                        .params(acme, TUID)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_message_without_its_time_is_counted_and_skipped() {
        double before = rejected(StreamRejections.WRONG_TYPES);

        ingest.ingest(batch(acmeSlug, T0, without(message(TUID, 13100, 10, T0, "moveCount", 1), "tsmTs")));

        assertThat(rejected(StreamRejections.WRONG_TYPES)).isEqualTo(before + 1);
        assertThat(historyCount(jdbc, acme)).isZero();
    }

    @Test
    void a_batch_of_a_tenant_the_portal_does_not_have_is_counted_and_dropped() {
        double before = meters.counter(StreamRejections.METER, "tenant", "nobody", "reason", "unknown-tenant")
                .count();

        ingest.ingest(batch("nobody", T0, message(TUID, 13100, 10, T0, "moveCount", 1)));

        assertThat(meters.counter(StreamRejections.METER, "tenant", "nobody", "reason", "unknown-tenant")
                        .count())
                .isEqualTo(before + 1);
        assertThat(events.stream(DeviceStateChanged.class)).isEmpty();
    }

    private double rejected(String reason) {
        return meters.counter(StreamRejections.METER, "tenant", acmeSlug, "reason", reason)
                .count();
    }
}
