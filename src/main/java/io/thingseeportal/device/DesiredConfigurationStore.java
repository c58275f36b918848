package io.thingseeportal.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of desired configurations and of each device's drift flag. Every query names the tenant. Writers lock the
 * device row first, as the data stream's ingest does, so that a send and an echo of one device never interleave.
 */
@Repository
class DesiredConfigurationStore {

    /** Devices per statement when the drift of many is refreshed. */
    private static final int CHUNK = 500;

    /** The two tables of configuration messages; their names are these constants, never input. */
    private static final String DESIRED = "device_desired_configuration";

    private static final String REPORTED = "device_configuration";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final StoredFields fields;

    DesiredConfigurationStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.fields = new StoredFields(json);
    }

    boolean lockDevice(long tenantId, String tuid) {
        return jdbc.sql("SELECT id FROM device WHERE tenant_id = ? AND tuid = ? FOR UPDATE")
                .params(tenantId, tuid)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** Each desired message of the devices: TUID → tsmId → parameters. */
    Map<String, Map<Integer, Map<String, Object>>> desired(long tenantId, Collection<String> tuids) {
        return messages(DESIRED, tenantId, tuids);
    }

    /** Each reported message of the devices: TUID → tsmId → parameters. */
    Map<String, Map<Integer, Map<String, Object>>> reported(long tenantId, Collection<String> tuids) {
        return messages(REPORTED, tenantId, tuids);
    }

    /** The messages of one of the two tables ({@link #DESIRED}, {@link #REPORTED}): TUID → tsmId → parameters. */
    private Map<String, Map<Integer, Map<String, Object>>> messages(
            String table, long tenantId, Collection<String> tuids) {
        Map<String, Map<Integer, Map<String, Object>>> all = new HashMap<>();
        for (List<String> chunk : chunks(tuids)) {
            jdbc.sql("SELECT tuid, tsm_id, fields FROM " + table + " WHERE tenant_id = :tenant AND tuid IN (:tuids)")
                    .param("tenant", tenantId)
                    .param("tuids", chunk)
                    .query(row -> {
                        all.computeIfAbsent(row.getString("tuid"), tuid -> new LinkedHashMap<>())
                                .put(row.getInt("tsm_id"), fields.read(row.getString("fields")));
                    });
        }
        return all;
    }

    void put(long tenantId, String tuid, int tsmId, Map<String, Object> fields, Instant at) {
        String text = json(fields);
        int updated = jdbc.sql("UPDATE device_desired_configuration SET fields = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND tuid = ? AND tsm_id = ?")
                .params(text, Timestamp.from(at), tenantId, tuid, tsmId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO device_desired_configuration (tenant_id, tuid, tsm_id, fields, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(tenantId, tuid, tsmId, text, Timestamp.from(at))
                    .update();
        }
    }

    /** Sets the drift flag of the devices that have it wrong. */
    void setDrift(long tenantId, Set<String> drifting, Collection<String> of) {
        List<String> on = new ArrayList<>(new TreeSet<>(drifting));
        List<String> off =
                of.stream().filter(tuid -> !drifting.contains(tuid)).sorted().toList();
        set(tenantId, on, true);
        set(tenantId, off, false);
    }

    private void set(long tenantId, List<String> tuids, boolean drift) {
        for (List<String> chunk : chunks(tuids)) {
            jdbc.sql("UPDATE device SET config_drift = :drift WHERE tenant_id = :tenant AND tuid IN (:tuids)"
                            + " AND config_drift <> :drift")
                    .param("drift", drift)
                    .param("tenant", tenantId)
                    .param("tuids", chunk)
                    .update();
        }
    }

    private String json(Map<String, Object> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A configuration that is not JSON: " + fields, e);
        }
    }

    private static List<List<String>> chunks(Collection<String> tuids) {
        List<String> all = List.copyOf(tuids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
