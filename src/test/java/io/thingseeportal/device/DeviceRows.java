package io.thingseeportal.device;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of the device page's tables, as the ingest writes them, for tests of the page. */
public final class DeviceRows {

    private DeviceRows() {}

    /** A device that reported: battery, charger, firmware, gateway, interval and when it is stale. */
    public static void reportingDevice(
            JdbcClient jdbc,
            long tenantId,
            String tuid,
            @Nullable String groupId,
            int battery,
            Instant lastSeen,
            int reportIntervalSeconds) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, group_id, battery_level, battery_charging,"
                        + " battery_at, last_seen, last_arrival_at, stale_at, report_interval_s, gateway_tuid,"
                        + " firmware, firmware_at, installation_status)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 'TSGW01GATEWAY', '2024.1.2_pir', ?, 'installed')")
                .params(
                        tenantId,
                        tuid,
                        ts(lastSeen),
                        groupId,
                        battery,
                        ts(lastSeen),
                        ts(lastSeen),
                        ts(lastSeen.plusSeconds(1)),
                        ts(lastSeen.plusSeconds(3L * reportIntervalSeconds)),
                        reportIntervalSeconds,
                        ts(lastSeen))
                .update();
    }

    /** One message of the history, with its payload built from the header and the given JSON fields. */
    public static void message(JdbcClient jdbc, long tenantId, String tuid, int tsmId, Instant time, String fields) {
        message(jdbc, tenantId, tuid, tsmId, 10, time, fields);
    }

    private static void message(
            JdbcClient jdbc, long tenantId, String tuid, int tsmId, int tsmEv, Instant time, String fields) {
        String payload = stored(tuid, tsmId, tsmEv, time, fields);
        jdbc.sql("INSERT INTO device_message (tenant_id, tuid, tsm_id, tsm_ts, tsm_ev, received_at, payload)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(tenantId, tuid, tsmId, ts(time), tsmEv, ts(time.plusSeconds(1)), payload)
                .update();
    }

    /** The newest data message of its tsmId, replacing the one before. */
    public static void value(JdbcClient jdbc, long tenantId, String tuid, int tsmId, Instant time, String fields) {
        jdbc.sql("DELETE FROM device_value WHERE tenant_id = ? AND tuid = ? AND tsm_id = ?")
                .params(tenantId, tuid, tsmId)
                .update();
        jdbc.sql("INSERT INTO device_value (tenant_id, tuid, tsm_id, tsm_ts, tsm_ev, received_at, fields)"
                        + " VALUES (?, ?, ?, ?, 10, ?, ?)")
                .params(tenantId, tuid, tsmId, ts(time), ts(time.plusSeconds(1)), stored(tuid, tsmId, 10, time, fields))
                .update();
    }

    /** A data message as the ingest takes it in: into the history and as the newest value. */
    public static void reading(JdbcClient jdbc, long tenantId, String tuid, int tsmId, Instant time, String fields) {
        message(jdbc, tenantId, tuid, tsmId, time, fields);
        value(jdbc, tenantId, tuid, tsmId, time, fields);
    }

    /** A configuration the device reported, answering the transaction. */
    public static void configuration(
            JdbcClient jdbc, long tenantId, String tuid, int tsmId, Instant time, long transactionId, String fields) {
        jdbc.sql("INSERT INTO device_configuration (tenant_id, tuid, tsm_id, tsm_ts, transaction_id, received_at,"
                        + " fields) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(tenantId, tuid, tsmId, ts(time), transactionId, ts(time), stored(tuid, tsmId, 31, time, fields))
                .update();
    }

    /** A configuration echo (tsmEv 31) as the ingest takes it in: into the history and as the reported configuration. */
    public static void configurationEcho(
            JdbcClient jdbc, long tenantId, String tuid, int tsmId, Instant time, long transactionId, String fields) {
        message(jdbc, tenantId, tuid, tsmId, 31, time, fields);
        jdbc.sql("DELETE FROM device_configuration WHERE tenant_id = ? AND tuid = ? AND tsm_id = ?")
                .params(tenantId, tuid, tsmId)
                .update();
        configuration(jdbc, tenantId, tuid, tsmId, time, transactionId, fields);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /** A message's JSON as the ingest stores it (history, newest value, configuration): the header, then the fields. */
    private static String stored(String tuid, int tsmId, int tsmEv, Instant time, String fields) {
        return "{\"tsmId\":%d,\"tsmEv\":%d,\"tsmTs\":%d,\"tsmTuid\":\"%s\",%s}"
                .formatted(tsmId, tsmEv, time.getEpochSecond(), tuid, fields);
    }
}
