package io.thingseeportal.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.DeviceInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the device page. Every query names the tenant. */
@Repository
class DeviceDetailsStore {

    /** The device is stale after this many report intervals without a message (as the ingest computes stale_at). */
    static final int STALE_AFTER_INTERVALS = 3;

    private final JdbcClient jdbc;
    private final StoredFields fields;

    DeviceDetailsStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.fields = new StoredFields(json);
    }

    Optional<DeviceDetails> details(long tenantId, String tuid, Instant now) {
        return jdbc.sql("SELECT tuid, product_type, group_id, asset_name, installation_status, last_seen,"
                        + " last_arrival_at, gateway_tuid, battery_level, battery_charging, firmware,"
                        + " report_interval_s, stale_at, config_drift FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query((row, number) -> details(row, now))
                .optional();
    }

    List<DeviceValue> values(long tenantId, String tuid) {
        return jdbc.sql("SELECT tsm_id, tsm_ts, fields FROM device_value WHERE tenant_id = ? AND tuid = ?"
                        + " ORDER BY tsm_id")
                .params(tenantId, tuid)
                .query((row, number) -> new DeviceValue(
                        row.getInt("tsm_id"), instant(row, "tsm_ts"), fields.read(row.getString("fields"))))
                .list();
    }

    List<ReportedConfiguration> configuration(long tenantId, String tuid) {
        return jdbc.sql("SELECT tsm_id, tsm_ts, transaction_id, fields FROM device_configuration"
                        + " WHERE tenant_id = ? AND tuid = ? ORDER BY tsm_id")
                .params(tenantId, tuid)
                .query((row, number) -> {
                    long transaction = row.getLong("transaction_id");
                    return new ReportedConfiguration(
                            row.getInt("tsm_id"),
                            instant(row, "tsm_ts"),
                            row.wasNull() ? null : transaction,
                            fields.read(row.getString("fields")));
                })
                .list();
    }

    /** A page of the messages up to {@code upTo} (their own time), newest first. */
    List<RecentMessage> messages(long tenantId, String tuid, Instant upTo, int offset, int limit) {
        return jdbc.sql("SELECT tsm_id, tsm_ev, tsm_ts, received_at FROM device_message"
                        + " WHERE tenant_id = ? AND tuid = ? AND tsm_ts <= ?"
                        + " ORDER BY tsm_ts DESC, tsm_id DESC LIMIT ? OFFSET ?")
                .params(tenantId, tuid, Timestamp.from(upTo), limit, offset)
                .query(DeviceDetailsStore::recentMessage)
                .list();
    }

    /** The newest messages, newest first, however new. */
    List<RecentMessage> newestMessages(long tenantId, String tuid, int limit) {
        return jdbc.sql("SELECT tsm_id, tsm_ev, tsm_ts, received_at FROM device_message"
                        + " WHERE tenant_id = ? AND tuid = ? ORDER BY tsm_ts DESC, tsm_id DESC LIMIT ?")
                .params(tenantId, tuid, limit)
                .query(DeviceDetailsStore::recentMessage)
                .list();
    }

    private static RecentMessage recentMessage(ResultSet row, int number) throws SQLException {
        return new RecentMessage(
                row.getInt("tsm_id"), row.getInt("tsm_ev"), instant(row, "tsm_ts"), instant(row, "received_at"));
    }

    long countMessages(long tenantId, String tuid, Instant upTo) {
        return jdbc.sql("SELECT count(*) FROM device_message WHERE tenant_id = ? AND tuid = ? AND tsm_ts <= ?")
                .params(tenantId, tuid, Timestamp.from(upTo))
                .query(Long.class)
                .single();
    }

    Optional<String> payload(long tenantId, String tuid, int tsmId, Instant time) {
        return jdbc.sql("SELECT payload FROM device_message WHERE tenant_id = ? AND tuid = ? AND tsm_id = ?"
                        + " AND tsm_ts = ?")
                .params(tenantId, tuid, tsmId, Timestamp.from(time))
                .query(String.class)
                .optional();
    }

    /** The payloads of one tsmId's messages newer than {@code after}, oldest first, one at a time. */
    void payloadsAfter(long tenantId, String tuid, int tsmId, Instant after, BiConsumer<Instant, String> consumer) {
        jdbc.sql("SELECT tsm_ts, payload FROM device_message WHERE tenant_id = ? AND tuid = ? AND tsm_id = ?"
                        + " AND tsm_ts > ? ORDER BY tsm_ts")
                .params(tenantId, tuid, tsmId, Timestamp.from(after))
                .query(row -> {
                    consumer.accept(instant(row, "tsm_ts"), row.getString("payload"));
                });
    }

    /** Whether the tenant's device is at the site: its asset is the site or below it. */
    boolean atSite(long tenantId, String tuid, long site) {
        return jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = :tenant AND tuid = :tuid AND "
                                + SitePlaces.ASSET_AT_SITE)
                        .param("tenant", tenantId)
                        .param("tuid", tuid)
                        .param("site", site)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean exists(long tenantId, String tuid) {
        return jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ? AND tuid = ?")
                        .params(tenantId, tuid)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Records what Thingsee told of the device just now. Last seen, battery and firmware change only when Thingsee's
     * information is not older than the portal's (a message may have arrived since Thingsee answered); the group and
     * installation status are Thingsee's as they are now.
     *
     * @param groupId the group; null for Thingsee's {@code unassigned}
     * @param installationStatus the status on the wire; null when Thingsee has no history for the device
     */
    void applyThingsee(
            long tenantId,
            String tuid,
            DeviceInfo info,
            @Nullable String installationStatus,
            @Nullable String groupId,
            Instant now) {
        Known known = jdbc.sql("SELECT last_seen, battery_at, firmware_at, report_interval_s FROM device"
                        + " WHERE tenant_id = ? AND tuid = ? FOR UPDATE")
                .params(tenantId, tuid)
                .query((row, number) -> {
                    int interval = row.getInt("report_interval_s");
                    return new Known(
                            nullableInstant(row, "last_seen"),
                            nullableInstant(row, "battery_at"),
                            nullableInstant(row, "firmware_at"),
                            row.wasNull() ? null : interval);
                })
                .single();
        Instant told = info.lastSeen() == null ? now : info.lastSeen();
        if (info.lastSeen() != null
                && (known.lastSeen() == null || info.lastSeen().isAfter(known.lastSeen()))) {
            set(tenantId, tuid, "last_seen = ?", Timestamp.from(info.lastSeen()));
            if (known.reportInterval() != null) {
                Duration stale = Duration.ofSeconds((long) STALE_AFTER_INTERVALS * known.reportInterval());
                set(
                        tenantId,
                        tuid,
                        "stale_at = ?",
                        Timestamp.from(info.lastSeen().plus(stale)));
            }
        }
        if (info.batteryLevel() != null && notNewer(known.batteryAt(), told)) {
            set(tenantId, tuid, "battery_level = ?, battery_at = ?", info.batteryLevel(), Timestamp.from(told));
        }
        if (info.firmware() != null && notNewer(known.firmwareAt(), told)) {
            set(tenantId, tuid, "firmware = ?, firmware_at = ?", info.firmware(), Timestamp.from(told));
        }
        if (info.gatewayTuid() != null) {
            set(tenantId, tuid, "gateway_tuid = ?", info.gatewayTuid());
        }
        if (installationStatus != null) {
            set(tenantId, tuid, "installation_status = ?", installationStatus);
        }
        if (groupId == null) {
            set(tenantId, tuid, "group_id = NULL, group_at = ?", Timestamp.from(now));
        } else {
            set(tenantId, tuid, "group_id = ?, group_at = ?", groupId, Timestamp.from(now));
        }
    }

    /** One UPDATE of the device's columns; {@code assignments} is constant SQL, the values are parameters. */
    private void set(long tenantId, String tuid, String assignments, Object... values) {
        Object[] parameters = Arrays.copyOf(values, values.length + 2);
        parameters[values.length] = tenantId;
        parameters[values.length + 1] = tuid;
        jdbc.sql("UPDATE device SET " + assignments + " WHERE tenant_id = ? AND tuid = ?")
                .params(parameters)
                .update();
    }

    private record Known(
            @Nullable Instant lastSeen,
            @Nullable Instant batteryAt,
            @Nullable Instant firmwareAt,
            @Nullable Integer reportInterval) {}

    private static boolean notNewer(@Nullable Instant portal, Instant thingsee) {
        return portal == null || !portal.isAfter(thingsee);
    }

    private static DeviceDetails details(ResultSet row, Instant now) throws SQLException {
        String tuid = row.getString("tuid");
        String product = row.getString("product_type");
        if (product == null) {
            product = ProductType.ofTuid(tuid).map(ProductType::productName).orElse(null);
        }
        Instant staleAt = nullableInstant(row, "stale_at");
        return new DeviceDetails(
                tuid,
                product,
                row.getString("group_id"),
                row.getString("asset_name"),
                row.getString("installation_status"),
                nullableInstant(row, "last_seen"),
                nullableInstant(row, "last_arrival_at"),
                row.getString("gateway_tuid"),
                nullableInt(row, "battery_level"),
                nullableInt(row, "battery_charging"),
                row.getString("firmware"),
                nullableInt(row, "report_interval_s"),
                staleAt != null && !staleAt.isAfter(now),
                row.getBoolean("config_drift"));
    }

    private static @Nullable Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
