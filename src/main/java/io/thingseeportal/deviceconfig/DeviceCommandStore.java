package io.thingseeportal.deviceconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of commands. Every query names the tenant, except the time-out sweep, which serves all of them. */
@Repository
class DeviceCommandStore {

    private static final String COLUMNS = CommandRows.COLUMNS;

    /** A command as it is first stored. */
    record NewCommand(
            String tuid,
            int tsmId,
            int tsmEv,
            Map<String, Object> request,
            @Nullable String groupId,
            @Nullable Long jobId,
            String createdBy,
            String createdByName) {}

    /** A command that ran out of time: whose it was, for telling the views. */
    record TimedOut(long tenantId, String tuid) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CommandRows rows;

    DeviceCommandStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CommandRows(json);
    }

    /**
     * Stores a queued command with a transactionId of its own (REFERENCE 9.5), and returns it. The sequence hands each
     * value out once until it wraps after 2,147,483,647; only then can a value be held by a command still in the table,
     * and the insert does nothing, so the next value is tried.
     */
    DeviceCommand insert(long tenantId, NewCommand command, Instant now) {
        String request = write(command.request());
        // As the database keeps it, so that the command returned is the one a later read gives.
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        while (true) {
            var keys = new GeneratedKeyHolder();
            int inserted = jdbc.sql(
                            "INSERT INTO device_command (tenant_id, tuid, tsm_id, tsm_ev, transaction_id, state,"
                                    + " request, group_id, job_id, created_by, created_by_name, created_at, updated_at)"
                                    + " VALUES (?, ?, ?, ?, nextval('device_command_transaction_id'), ?, ?, ?, ?, ?,"
                                    + " ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(
                            tenantId,
                            command.tuid(),
                            command.tsmId(),
                            command.tsmEv(),
                            CommandState.QUEUED.name(),
                            request,
                            command.groupId(),
                            command.jobId(),
                            command.createdBy(),
                            command.createdByName(),
                            Timestamp.from(at),
                            Timestamp.from(at))
                    .update(keys, "id", "transaction_id");
            if (inserted == 1) {
                Map<String, Object> stored = Objects.requireNonNull(keys.getKeys(), "the insert returns its keys");
                return new DeviceCommand(
                        ((Number) stored.get("id")).longValue(),
                        command.tuid(),
                        command.tsmId(),
                        command.tsmEv(),
                        ((Number) stored.get("transaction_id")).longValue(),
                        CommandState.QUEUED,
                        rows.fields(request),
                        command.groupId(),
                        command.jobId(),
                        command.createdBy(),
                        command.createdByName(),
                        at,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null);
            }
        }
    }

    Optional<DeviceCommand> find(long tenantId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_command WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id)
                .query(this::command)
                .optional();
    }

    /** The command a rollout made for the device, if it has made one. */
    Optional<DeviceCommand> ofJob(long tenantId, long jobId, String tuid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_command WHERE tenant_id = ? AND job_id = ? AND tuid = ?")
                .params(tenantId, jobId, tuid)
                .query(this::command)
                .optional();
    }

    /** How many of a rollout's commands are in each state. */
    Map<CommandState, Integer> countOfJob(long tenantId, long jobId) {
        Map<CommandState, Integer> counts = new java.util.EnumMap<>(CommandState.class);
        jdbc.sql("SELECT state, count(*) AS n FROM device_command WHERE tenant_id = ? AND job_id = ? GROUP BY state")
                .params(tenantId, jobId)
                .query(row -> {
                    counts.put(CommandState.valueOf(row.getString("state")), row.getInt("n"));
                });
        return counts;
    }

    /** The command of this transactionId, locked until the transaction ends. */
    Optional<DeviceCommand> lockByTransaction(long tenantId, long transactionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_command WHERE tenant_id = ? AND transaction_id = ?"
                        + " FOR UPDATE")
                .params(tenantId, transactionId)
                .query(this::command)
                .optional();
    }

    /** The device's commands, newest first. */
    List<DeviceCommand> ofDevice(long tenantId, String tuid, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_command WHERE tenant_id = ? AND tuid = ?"
                        + " ORDER BY id DESC LIMIT ?")
                .params(tenantId, tuid, limit)
                .query(this::command)
                .list();
    }

    long countOpen(long tenantId) {
        return jdbc.sql("SELECT count(*) FROM device_command WHERE tenant_id = ? AND state IN ('QUEUED', 'SENT')")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    /**
     * Thingsee took the command: it waits for its echo until the deadline. An echo that came first has decided its
     * state already, and keeps it.
     */
    void markSent(long tenantId, long id, Instant sentAt, Instant deadlineAt) {
        jdbc.sql(
                        "UPDATE device_command SET state = CASE WHEN state IN ('QUEUED', 'FAILED') THEN 'SENT' ELSE state END,"
                                + " sent_at = ?, deadline_at = ?, failure = NULL, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(Timestamp.from(sentAt), Timestamp.from(deadlineAt), Timestamp.from(sentAt), tenantId, id)
                .update();
    }

    /** Thingsee refused the command, or did not answer; an echo that came meanwhile keeps its state. */
    void markFailed(long tenantId, long id, String failure, Instant now) {
        jdbc.sql("UPDATE device_command SET state = 'FAILED', failure = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND id = ? AND state IN ('QUEUED', 'FAILED')")
                .params(failure, Timestamp.from(now), tenantId, id)
                .update();
    }

    /** A failed command goes back to the queue, to be sent again with its own transactionId. */
    boolean requeue(long tenantId, long id, Instant now) {
        return jdbc.sql("UPDATE device_command SET state = 'QUEUED', updated_at = ?"
                                + " WHERE tenant_id = ? AND id = ? AND state = 'FAILED'")
                        .params(Timestamp.from(now), tenantId, id)
                        .update()
                > 0;
    }

    /** The rollout's commands that were never sent: canceled. Returns their devices. */
    Set<String> cancelQueued(long tenantId, long jobId, Instant now) {
        List<String> tuids = jdbc.sql("SELECT tuid FROM device_command WHERE tenant_id = ? AND job_id = ?"
                        + " AND state = 'QUEUED' FOR UPDATE")
                .params(tenantId, jobId)
                .query(String.class)
                .list();
        if (!tuids.isEmpty()) {
            jdbc.sql("UPDATE device_command SET state = 'CANCELED', updated_at = ? WHERE tenant_id = ? AND job_id = ?"
                            + " AND state = 'QUEUED'")
                    .params(Timestamp.from(now), tenantId, jobId)
                    .update();
        }
        return Set.copyOf(tuids);
    }

    /** Older commands of the device and message that wait to be sent or for their echo: a newer one replaced them. */
    int supersedeOlder(long tenantId, DeviceCommand newer, Instant now) {
        return jdbc.sql("UPDATE device_command SET state = 'SUPERSEDED', updated_at = ? WHERE tenant_id = ?"
                        + " AND tuid = ? AND tsm_id = ? AND id < ? AND state IN ('QUEUED', 'SENT')")
                .params(Timestamp.from(now), tenantId, newer.tuid(), newer.tsmId(), newer.id())
                .update();
    }

    void recordEcho(long tenantId, long id, EchoMatch.Outcome outcome, Instant echoedAt) {
        jdbc.sql("UPDATE device_command SET state = ?, echo = ?, differences = ?, echoed_at = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND id = ?")
                .params(
                        outcome.state().name(),
                        write(outcome.echo()),
                        write(outcome.differences()),
                        Timestamp.from(echoedAt),
                        Timestamp.from(echoedAt),
                        tenantId,
                        id)
                .update();
    }

    /**
     * Times out sent commands past their deadline, at most {@code limit} of them, and says whose they were. Rows another
     * node is timing out are skipped ({@code SKIP LOCKED}), so each command times out once however many nodes sweep.
     */
    List<TimedOut> timeOut(Instant now, int limit) {
        List<long[]> due = new ArrayList<>();
        List<TimedOut> timedOut = new ArrayList<>();
        jdbc.sql("SELECT id, tenant_id, tuid FROM device_command WHERE state = 'SENT' AND deadline_at < ?"
                        + " ORDER BY deadline_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit)
                .query(row -> {
                    due.add(new long[] {row.getLong("id"), row.getLong("tenant_id")});
                    timedOut.add(new TimedOut(row.getLong("tenant_id"), row.getString("tuid")));
                });
        if (!due.isEmpty()) {
            jdbc.sql("UPDATE device_command SET state = 'TIMED_OUT', updated_at = :now WHERE state = 'SENT'"
                            + " AND id IN (:ids)")
                    .param("now", Timestamp.from(now))
                    .param("ids", due.stream().map(pair -> pair[0]).toList())
                    .update();
        }
        return timedOut;
    }

    private DeviceCommand command(ResultSet row, int number) throws SQLException {
        return rows.command(row, number);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + value, e);
        }
    }
}
