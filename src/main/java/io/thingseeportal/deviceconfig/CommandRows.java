package io.thingseeportal.deviceconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of device_command as a {@link DeviceCommand}: shared by the stores that read the table. */
final class CommandRows {

    static final String COLUMNS = "id, tuid, tsm_id, tsm_ev, transaction_id, state, request, group_id, job_id,"
            + " created_by, created_by_name, created_at, sent_at, deadline_at, echoed_at, echo, differences, failure";

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<List<FieldDifference>> DIFFERENCES = new TypeReference<>() {};

    private final ObjectMapper json;

    CommandRows(ObjectMapper json) {
        this.json = json;
    }

    DeviceCommand command(ResultSet row, int number) throws SQLException {
        long jobId = row.getLong("job_id");
        boolean noJob = row.wasNull();
        String echo = row.getString("echo");
        String differences = row.getString("differences");
        return new DeviceCommand(
                row.getLong("id"),
                row.getString("tuid"),
                row.getInt("tsm_id"),
                row.getInt("tsm_ev"),
                row.getLong("transaction_id"),
                CommandState.valueOf(row.getString("state")),
                fields(row.getString("request")),
                row.getString("group_id"),
                noJob ? null : jobId,
                row.getString("created_by"),
                row.getString("created_by_name"),
                Objects.requireNonNull(instant(row, "created_at")),
                instant(row, "sent_at"),
                instant(row, "deadline_at"),
                instant(row, "echoed_at"),
                echo == null ? null : read(echo, FIELDS, Map.of()),
                differences == null ? List.of() : read(differences, DIFFERENCES, List.of()),
                row.getString("failure"));
    }

    /** A message's fields as a later read of the row gives them (JSON's numbers, not the caller's). */
    Map<String, Object> fields(String text) {
        return read(text, FIELDS, Map.of());
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp time = row.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private <T> T read(String text, TypeReference<? extends T> type, T otherwise) {
        try {
            T value = json.readValue(text, type);
            return value == null ? otherwise : value;
        } catch (JsonProcessingException e) {
            return otherwise;
        }
    }
}
