package io.thingseeportal.device;

import io.thingseeportal.device.SqlRows.Column;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ingest's SQL (V7), always for one tenant, a statement per batch rather than per row ({@link SqlRows}), alike on
 * H2 and PostgreSQL: inserts skip rows that exist ({@code ON CONFLICT DO NOTHING}), and the newest-wins writes of
 * values and configurations are MERGEs that compare times. Every write follows {@link #lock} of the batch's devices,
 * which keeps other nodes' transactions off the same rows. Used only by {@link DeviceMessageIngest}.
 */
@Repository
class DeviceStateStore {

    private static final String DEVICE_COLUMNS = "tuid, last_seen, last_arrival_at, stale_at, report_interval_s,"
            + " gateway_tuid, battery_level, battery_charging, battery_at, firmware, firmware_at, group_id, group_at";

    private static final SqlRows NEW_DEVICES = new SqlRows(
            Column.bigint("tenant_id"), Column.text("tuid"), Column.time("created_at"), Column.text("product_type"));

    private static final SqlRows MESSAGES = new SqlRows(
            Column.bigint("tenant_id"),
            Column.text("tuid"),
            Column.integer("tsm_id"),
            Column.time("tsm_ts"),
            Column.integer("tsm_ev"),
            Column.time("received_at"),
            Column.text("payload"));

    private static final String INSERT_MESSAGES =
            "INSERT INTO device_message (tenant_id, tuid, tsm_id, tsm_ts, tsm_ev, received_at, payload) "
                    + SqlRows.ROWS;

    private static final SqlRows STATES = new SqlRows(
            Column.bigint("tenant_id"),
            Column.text("tuid"),
            Column.time("last_seen"),
            Column.time("last_arrival_at"),
            Column.time("stale_at"),
            Column.integer("report_interval_s"),
            Column.text("gateway_tuid"),
            Column.smallint("battery_level"),
            Column.smallint("battery_charging"),
            Column.time("battery_at"),
            Column.text("firmware"),
            Column.time("firmware_at"),
            Column.text("group_id"),
            Column.time("group_at"));

    private static final SqlRows VALUES = newest(Column.integer("tsm_ev"));

    private static final SqlRows CONFIGURATIONS = newest(Column.bigint("transaction_id"));

    private final JdbcTemplate rows;

    DeviceStateStore(JdbcTemplate rows) {
        this.rows = rows;
    }

    /** Adds the devices the tenant does not have yet, with their product from the TUID. */
    void addUnknownDevices(long tenantId, List<String> tuids, Instant now) {
        NEW_DEVICES.update(
                rows,
                "INSERT INTO device (tenant_id, tuid, created_at, product_type) " + SqlRows.ROWS
                        + " ON CONFLICT DO NOTHING",
                tuids.stream()
                        .map(tuid -> new Object[] {
                            tenantId,
                            tuid,
                            now,
                            ProductType.ofTuid(tuid)
                                    .map(ProductType::productName)
                                    .orElse(null)
                        })
                        .toList());
    }

    /**
     * The devices' rows, locked until the transaction ends: another batch for the same devices (another node's copy of
     * the stream) waits, and then finds this one's messages in the history. Locked in TUID order, so that two batches
     * never wait for each other in a circle.
     */
    Map<String, DeviceState> lock(long tenantId, List<String> sortedTuids) {
        Map<String, DeviceState> states = new HashMap<>();
        rows.query(
                        connection -> {
                            PreparedStatement select = connection.prepareStatement("SELECT " + DEVICE_COLUMNS
                                    + " FROM device WHERE tenant_id = ? AND tuid = ANY(CAST(? AS VARCHAR(64) ARRAY))"
                                    + " ORDER BY tuid FOR UPDATE");
                            select.setLong(1, tenantId);
                            select.setArray(2, SqlRows.texts(connection, sortedTuids));
                            return select;
                        },
                        (row, number) -> state(row))
                .forEach(state -> states.put(state.tuid(), state));
        return states;
    }

    /**
     * Adds the messages to the history. Returns, per message, whether it was new: false for one the history has
     * already (the same TUID, tsmId and tsmTs), which then changes nothing else either. The devices must be locked
     * ({@link #lock}): then no other transaction adds to their history meanwhile.
     *
     * <p>A message later than its device's newest in the history cannot be there yet, and nearly every message is
     * such: those go in with a plain insert. Only the others (a redelivery, a late message) are inserted with {@code ON
     * CONFLICT DO NOTHING}, which costs PostgreSQL a speculative insertion per row, twice a plain insert.
     */
    boolean[] addToHistory(long tenantId, List<IncomingMessage> messages) {
        Map<String, Instant> newest = newestInHistory(
                tenantId,
                messages.stream().map(IncomingMessage::tuid).distinct().toList());
        boolean[] added = new boolean[messages.size()];
        List<Object[]> later = new ArrayList<>();
        List<IncomingMessage> others = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            IncomingMessage message = messages.get(i);
            Instant newestOfDevice = newest.get(message.tuid());
            if (newestOfDevice == null || message.tsmTs().isAfter(newestOfDevice)) {
                later.add(historyRow(tenantId, message));
                added[i] = true;
            } else {
                others.add(message);
            }
        }
        MESSAGES.update(rows, INSERT_MESSAGES, later);
        Set<IncomingMessage.Key> inserted = new HashSet<>();
        MESSAGES.insert(
                rows,
                INSERT_MESSAGES + " ON CONFLICT DO NOTHING",
                others.stream().map(message -> historyRow(tenantId, message)).toList(),
                new String[] {"tuid", "tsm_id", "tsm_ts"},
                row -> inserted.add(new IncomingMessage.Key(
                        row.getString("tuid"),
                        row.getInt("tsm_id"),
                        row.getTimestamp("tsm_ts").toInstant())));
        for (int i = 0; i < messages.size(); i++) {
            IncomingMessage message = messages.get(i);
            if (!added[i]) {
                added[i] = inserted.contains(message.key());
            }
        }
        return added;
    }

    /**
     * The own time of each device's newest message in the history, for those that have one: one step back from the
     * end of the device's part of the history's key per device. A statement of its own after {@link #lock}, so that it
     * sees what another transaction committed while this one waited for the lock.
     */
    private Map<String, Instant> newestInHistory(long tenantId, List<String> tuids) {
        Map<String, Instant> newest = new HashMap<>();
        rows.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement("SELECT d.tuid, (SELECT MAX(m.tsm_ts)"
                            + " FROM device_message m WHERE m.tenant_id = ? AND m.tuid = d.tuid) AS newest"
                            + " FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY)) AS d (tuid)");
                    select.setLong(1, tenantId);
                    select.setArray(2, SqlRows.texts(connection, tuids));
                    return select;
                },
                (ResultSet row) -> {
                    Timestamp time = row.getTimestamp("newest");
                    if (time != null) {
                        newest.put(row.getString("tuid"), time.toInstant());
                    }
                });
        return newest;
    }

    private static Object[] historyRow(long tenantId, IncomingMessage message) {
        return new Object[] {
            tenantId,
            message.tuid(),
            message.tsmId(),
            message.tsmTs(),
            message.tsmEv(),
            message.receivedAt(),
            message.payload()
        };
    }

    /** When the stored 1500 configuration of each device was reported, for those that have one. */
    Map<String, Instant> intervalsReportedAt(long tenantId, Collection<String> tuids) {
        Map<String, Instant> times = new HashMap<>();
        if (tuids.isEmpty()) {
            return times;
        }
        rows.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT tuid, tsm_ts FROM device_configuration"
                                    + " WHERE tenant_id = ? AND tsm_id = ? AND tuid = ANY(CAST(? AS VARCHAR(64) ARRAY))");
                    select.setLong(1, tenantId);
                    select.setInt(2, DeviceStateFold.INTERVALS);
                    select.setArray(3, SqlRows.texts(connection, tuids));
                    return select;
                },
                (ResultSet row) -> {
                    times.put(row.getString("tuid"), row.getTimestamp("tsm_ts").toInstant());
                });
        return times;
    }

    void update(long tenantId, List<DeviceState> states) {
        STATES.update(
                rows,
                "MERGE INTO device d USING (" + SqlRows.ROWS + ") AS s " + STATES.names()
                        + " ON d.tenant_id = s.tenant_id AND d.tuid = s.tuid WHEN MATCHED THEN UPDATE SET"
                        + " last_seen = s.last_seen, last_arrival_at = s.last_arrival_at, stale_at = s.stale_at,"
                        + " report_interval_s = s.report_interval_s, gateway_tuid = s.gateway_tuid,"
                        + " battery_level = s.battery_level, battery_charging = s.battery_charging,"
                        + " battery_at = s.battery_at, firmware = s.firmware, firmware_at = s.firmware_at,"
                        + " group_id = s.group_id, group_at = s.group_at",
                states.stream()
                        .map(state -> new Object[] {
                            tenantId,
                            state.tuid(),
                            state.lastSeen(),
                            state.lastArrivalAt(),
                            state.staleAt(),
                            state.reportIntervalSeconds(),
                            state.gatewayTuid(),
                            state.batteryLevel(),
                            state.batteryCharging(),
                            state.batteryAt(),
                            state.firmware(),
                            state.firmwareAt(),
                            state.groupId(),
                            state.groupAt()
                        })
                        .toList());
    }

    /**
     * Makes each message the device's newest value of its tsmId, unless a newer one is stored. The row's
     * {@code tsm_ts} is the time the message was seen ({@link IncomingMessage#seenAt()}): a future time not believed
     * must not keep later messages out.
     */
    void putValues(long tenantId, List<IncomingMessage> newest) {
        putNewest("device_value", VALUES, tenantId, newest, IncomingMessage::tsmEv);
    }

    /** Makes each message the device's reported configuration of its tsmId, unless a newer one is stored (seen time). */
    void putConfigurations(long tenantId, List<IncomingMessage> newest) {
        putNewest("device_configuration", CONFIGURATIONS, tenantId, newest, IncomingMessage::transactionId);
    }

    /**
     * The rows of a table that keeps one message per device and tsmId: (tenant_id, tuid, tsm_id, tsm_ts, one column of
     * its own, received_at, fields). {@code fields} is the message's JSON as it arrived, header included: the readers
     * leave the header out ({@link DeviceDetailsStore#fields}), which a device page does for ten rows where the ingest
     * would do it for every newest message of a busy batch.
     */
    private static SqlRows newest(Column own) {
        return new SqlRows(
                Column.bigint("tenant_id"),
                Column.text("tuid"),
                Column.integer("tsm_id"),
                Column.time("tsm_ts"),
                own,
                Column.time("received_at"),
                Column.text("fields"));
    }

    /**
     * Inserts or, where the stored row is older, replaces each device's row of the message's tsmId, in one MERGE. The
     * devices are locked ({@link #lock}), so no other transaction inserts the same rows meanwhile.
     */
    private void putNewest(
            String table,
            SqlRows shape,
            long tenantId,
            List<IncomingMessage> newest,
            Function<IncomingMessage, @Nullable Object> own) {
        String ownColumn = shape.name(4);
        shape.update(
                rows,
                "MERGE INTO " + table + " t USING (" + SqlRows.ROWS + ") AS s " + shape.names()
                        + " ON t.tenant_id = s.tenant_id AND t.tuid = s.tuid AND t.tsm_id = s.tsm_id"
                        + " WHEN MATCHED AND t.tsm_ts < s.tsm_ts THEN UPDATE SET tsm_ts = s.tsm_ts, "
                        + ownColumn + " = s." + ownColumn + ", received_at = s.received_at, fields = s.fields"
                        + " WHEN NOT MATCHED THEN INSERT " + shape.names() + " VALUES (s.tenant_id, s.tuid,"
                        + " s.tsm_id, s.tsm_ts, s." + ownColumn + ", s.received_at, s.fields)",
                newest.stream()
                        .map(message -> new Object[] {
                            tenantId,
                            message.tuid(),
                            message.tsmId(),
                            message.seenAt(),
                            own.apply(message),
                            message.receivedAt(),
                            message.payload()
                        })
                        .toList());
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
