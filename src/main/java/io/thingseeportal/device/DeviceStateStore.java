package io.thingseeportal.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ingest's SQL (V7), always for one tenant, in batches that run alike on H2 and PostgreSQL: inserts skip rows that
 * exist ({@code ON CONFLICT DO NOTHING}), and the newest-wins updates of values and configurations compare times in
 * their {@code WHERE}. Used only by {@link DeviceMessageIngest}.
 */
@Repository
class DeviceStateStore {

    /** TUIDs per IN list: well below every driver's limit on parameters. */
    private static final int CHUNK = 500;

    private static final String DEVICE_COLUMNS = "tuid, last_seen, last_arrival_at, stale_at, report_interval_s,"
            + " gateway_tuid, battery_level, battery_charging, battery_at, firmware, firmware_at, group_id, group_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    DeviceStateStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Adds the devices the tenant does not have yet, with their product from the TUID. */
    void addUnknownDevices(long tenantId, List<String> tuids, Instant now) {
        List<Object[]> rows = tuids.stream()
                .map(tuid -> new Object[] {
                    tenantId,
                    tuid,
                    Timestamp.from(now),
                    ProductType.ofTuid(tuid).map(ProductType::productName).orElse(null)
                })
                .toList();
        batches.batchUpdate(
                "INSERT INTO device (tenant_id, tuid, created_at, product_type) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR});
    }

    /**
     * The devices' rows, locked until the transaction ends: another batch for the same devices (another node's copy of
     * the stream) waits, and then finds this one's messages in the history. Locked in TUID order, so that two batches
     * never wait for each other in a circle.
     */
    Map<String, DeviceState> lock(long tenantId, List<String> sortedTuids) {
        Map<String, DeviceState> states = new HashMap<>();
        for (int from = 0; from < sortedTuids.size(); from += CHUNK) {
            jdbc.sql("SELECT " + DEVICE_COLUMNS + " FROM device WHERE tenant_id = :tenant AND tuid IN (:tuids)"
                            + " ORDER BY tuid FOR UPDATE")
                    .param("tenant", tenantId)
                    .param("tuids", sortedTuids.subList(from, Math.min(sortedTuids.size(), from + CHUNK)))
                    .query((row, number) -> state(row))
                    .list()
                    .forEach(state -> states.put(state.tuid(), state));
        }
        return states;
    }

    /**
     * Adds the messages to the history. Returns, per message, whether it was new: false for one the history has
     * already (the same TUID, tsmId and tsmTs), which then changes nothing else either.
     */
    boolean[] addToHistory(long tenantId, List<IncomingMessage> messages) {
        List<Object[]> rows = messages.stream()
                .map(message -> new Object[] {
                    tenantId,
                    message.tuid(),
                    message.tsmId(),
                    Timestamp.from(message.tsmTs()),
                    message.tsmEv(),
                    Timestamp.from(message.receivedAt()),
                    message.payload()
                })
                .toList();
        int[] counts = batches.batchUpdate(
                "INSERT INTO device_message (tenant_id, tuid, tsm_id, tsm_ts, tsm_ev, received_at, payload)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rows,
                new int[] {
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.TIMESTAMP,
                    Types.INTEGER,
                    Types.TIMESTAMP,
                    Types.VARCHAR
                });
        boolean[] added = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            added[i] = counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO;
        }
        return added;
    }

    /** When the stored 1500 configuration of each device was reported, for those that have one. */
    Map<String, Instant> intervalsReportedAt(long tenantId, Collection<String> tuids) {
        Map<String, Instant> times = new HashMap<>();
        List<String> all = List.copyOf(tuids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("SELECT tuid, tsm_ts FROM device_configuration"
                            + " WHERE tenant_id = :tenant AND tsm_id = :tsmId AND tuid IN (:tuids)")
                    .param("tenant", tenantId)
                    .param("tsmId", DeviceStateFold.INTERVALS)
                    .param("tuids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(row -> {
                        times.put(
                                row.getString("tuid"),
                                row.getTimestamp("tsm_ts").toInstant());
                    });
        }
        return times;
    }

    void update(long tenantId, List<DeviceState> states) {
        List<Object[]> rows = new ArrayList<>();
        for (DeviceState state : states) {
            rows.add(new Object[] {
                time(state.lastSeen()),
                time(state.lastArrivalAt()),
                time(state.staleAt()),
                state.reportIntervalSeconds(),
                state.gatewayTuid(),
                state.batteryLevel(),
                state.batteryCharging(),
                time(state.batteryAt()),
                state.firmware(),
                time(state.firmwareAt()),
                state.groupId(),
                time(state.groupAt()),
                tenantId,
                state.tuid()
            });
        }
        batches.batchUpdate(
                "UPDATE device SET last_seen = ?, last_arrival_at = ?, stale_at = ?, report_interval_s = ?,"
                        + " gateway_tuid = ?, battery_level = ?, battery_charging = ?, battery_at = ?, firmware = ?,"
                        + " firmware_at = ?, group_id = ?, group_at = ? WHERE tenant_id = ? AND tuid = ?",
                rows,
                new int[] {
                    Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP, Types.INTEGER, Types.VARCHAR, Types.SMALLINT,
                    Types.SMALLINT, Types.TIMESTAMP, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.TIMESTAMP,
                    Types.BIGINT, Types.VARCHAR
                });
    }

    /**
     * Makes each message the device's newest value of its tsmId, unless a newer one is stored. The row's
     * {@code tsm_ts} is the time the message was seen ({@link IncomingMessage#seenAt()}): a future time not believed
     * must not keep later messages out.
     */
    void putValues(long tenantId, List<IncomingMessage> newest) {
        batches.batchUpdate(
                "INSERT INTO device_value (tenant_id, tuid, tsm_id, tsm_ts, tsm_ev, received_at, fields)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                newest.stream()
                        .map(message -> new Object[] {
                            tenantId,
                            message.tuid(),
                            message.tsmId(),
                            Timestamp.from(message.seenAt()),
                            message.tsmEv(),
                            Timestamp.from(message.receivedAt()),
                            message.fields()
                        })
                        .toList(),
                new int[] {
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.TIMESTAMP,
                    Types.INTEGER,
                    Types.TIMESTAMP,
                    Types.VARCHAR
                });
        batches.batchUpdate(
                "UPDATE device_value SET tsm_ts = ?, tsm_ev = ?, received_at = ?, fields = ?"
                        + " WHERE tenant_id = ? AND tuid = ? AND tsm_id = ? AND tsm_ts < ?",
                newest.stream()
                        .map(message -> new Object[] {
                            Timestamp.from(message.seenAt()),
                            message.tsmEv(),
                            Timestamp.from(message.receivedAt()),
                            message.fields(),
                            tenantId,
                            message.tuid(),
                            message.tsmId(),
                            Timestamp.from(message.seenAt())
                        })
                        .toList(),
                new int[] {
                    Types.TIMESTAMP,
                    Types.INTEGER,
                    Types.TIMESTAMP,
                    Types.VARCHAR,
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.TIMESTAMP
                });
    }

    /** Makes each message the device's reported configuration of its tsmId, unless a newer one is stored (seen time). */
    void putConfigurations(long tenantId, List<IncomingMessage> newest) {
        batches.batchUpdate(
                "INSERT INTO device_configuration (tenant_id, tuid, tsm_id, tsm_ts, transaction_id, received_at,"
                        + " fields) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                newest.stream()
                        .map(message -> new Object[] {
                            tenantId,
                            message.tuid(),
                            message.tsmId(),
                            Timestamp.from(message.seenAt()),
                            message.transactionId(),
                            Timestamp.from(message.receivedAt()),
                            message.fields()
                        })
                        .toList(),
                new int[] {
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.TIMESTAMP,
                    Types.BIGINT,
                    Types.TIMESTAMP,
                    Types.VARCHAR
                });
        batches.batchUpdate(
                "UPDATE device_configuration SET tsm_ts = ?, transaction_id = ?, received_at = ?, fields = ?"
                        + " WHERE tenant_id = ? AND tuid = ? AND tsm_id = ? AND tsm_ts < ?",
                newest.stream()
                        .map(message -> new Object[] {
                            Timestamp.from(message.seenAt()),
                            message.transactionId(),
                            Timestamp.from(message.receivedAt()),
                            message.fields(),
                            tenantId,
                            message.tuid(),
                            message.tsmId(),
                            Timestamp.from(message.seenAt())
                        })
                        .toList(),
                new int[] {
                    Types.TIMESTAMP,
                    Types.BIGINT,
                    Types.TIMESTAMP,
                    Types.VARCHAR,
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.TIMESTAMP
                });
    }

    private static @Nullable Timestamp time(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static DeviceState state(ResultSet row) throws SQLException {
        return new DeviceState(
                row.getString("tuid"),
                instant(row, "last_seen"),
                instant(row, "last_arrival_at"),
                instant(row, "stale_at"),
                integer(row, "report_interval_s"),
                row.getString("gateway_tuid"),
                integer(row, "battery_level"),
                integer(row, "battery_charging"),
                instant(row, "battery_at"),
                row.getString("firmware"),
                instant(row, "firmware_at"),
                row.getString("group_id"),
                instant(row, "group_at"));
    }
}
