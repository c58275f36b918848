package io.thingseeportal.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Messages as the MQTT subscriber hands them over, and the rows they leave, for the ingest's tests. */
final class StreamMessages {

    static final String TOPIC = "cloudext/json/pr/fi/prfi00office/TSPR04A/13100";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamMessages() {}

    /** A message of the device at {@code tsmTs}, in the group {@code prfi00office}, with its own fields. */
    static ThingseeMessage message(String tuid, int tsmId, int tsmEv, Instant tsmTs, Object... fields) {
        Map<String, Object> all = new HashMap<>();
        all.put("tsmId", tsmId);
        all.put("tsmEv", tsmEv);
        all.put("tsmTs", tsmTs.getEpochSecond());
        all.put("tsmTuid", tuid);
        all.put("tsmGw", "TSGW06GATEWAY0001");
        all.put("deploymentGroupId", "prfi00office");
        for (int i = 0; i < fields.length; i += 2) {
            all.put((String) fields[i], fields[i + 1]);
        }
        return new ThingseeMessage(all);
    }

    /** The message with one field more or replaced. */
    static ThingseeMessage with(ThingseeMessage message, String field, Object value) {
        Map<String, Object> all = new HashMap<>(message.fields());
        all.put(field, value);
        return new ThingseeMessage(all);
    }

    /** The message without a field. */
    static ThingseeMessage without(ThingseeMessage message, String field) {
        Map<String, Object> all = new HashMap<>(message.fields());
        all.remove(field);
        return new ThingseeMessage(all);
    }

    static ThingseeMessagesReceived batch(String tenant, Instant receivedAt, ThingseeMessage... messages) {
        return new ThingseeMessagesReceived(
                tenant,
                List.of(messages).stream()
                        .map(message -> new ThingseeMessageReceived(
                                tenant, TOPIC, "prfi00office", message, json(message), receivedAt))
                        .toList());
    }

    /** The message as JSON text, as a device would send it: its header first, then its own fields by name. */
    static String json(ThingseeMessage message) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        List.of("tsmId", "tsmEv", "tsmTs", "tsmTuid", "tsmGw", "deploymentGroupId")
                .forEach(name -> message.field(name).ifPresent(value -> ordered.put(name, value)));
        new TreeMap<>(message.fields()).forEach(ordered::putIfAbsent);
        try {
            return JSON.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String slug(JdbcClient jdbc, long tenantId) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .single();
    }

    static @Nullable Instant time(JdbcClient jdbc, long tenantId, String tuid, String column) {
        return jdbc.sql("SELECT " + column + " FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query((row, number) -> {
                    Timestamp value = row.getTimestamp(1);
                    return value == null ? null : value.toInstant();
                })
                .list()
                .get(0);
    }

    static @Nullable String text(JdbcClient jdbc, long tenantId, String tuid, String column) {
        return jdbc.sql("SELECT " + column + " FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query((row, number) -> row.getString(1))
                .list()
                .get(0);
    }

    static @Nullable Integer number(JdbcClient jdbc, long tenantId, String tuid, String column) {
        return jdbc.sql("SELECT " + column + " FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query((row, number) -> {
                    int value = row.getInt(1);
                    return row.wasNull() ? null : value;
                })
                .list()
                .get(0);
    }

    static long historyCount(JdbcClient jdbc, long tenantId) {
        return jdbc.sql("SELECT count(*) FROM device_message WHERE tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    /**
     * The stored newest value of the device's tsmId as the device page reads it: its own fields (no header fields) as
     * JSON, by name, or null when none is stored.
     */
    static @Nullable String value(JdbcClient jdbc, long tenantId, String tuid, int tsmId) {
        return ownFields(jdbc, "device_value", tenantId, tuid, tsmId);
    }

    /** The stored reported configuration of the device's tsmId: its own fields' JSON, or null when none is stored. */
    static @Nullable String configuration(JdbcClient jdbc, long tenantId, String tuid, int tsmId) {
        return ownFields(jdbc, "device_configuration", tenantId, tuid, tsmId);
    }

    private static @Nullable String ownFields(JdbcClient jdbc, String table, long tenantId, String tuid, int tsmId) {
        return jdbc.sql("SELECT fields FROM " + table + " WHERE tenant_id = ? AND tuid = ? AND tsm_id = ?")
                .params(tenantId, tuid, tsmId)
                .query(String.class)
                .optional()
                .map(StreamMessages::withoutHeader)
                .orElse(null);
    }

    private static String withoutHeader(String stored) {
        try {
            Map<String, Object> fields = new TreeMap<>(JSON.readValue(stored, Map.class));
            fields.keySet().removeAll(ThingseeMessage.HEADER_FIELDS);
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored message that is not JSON: " + stored, e);
        }
    }
}
