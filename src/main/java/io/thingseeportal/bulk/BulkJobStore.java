package io.thingseeportal.bulk;

import io.thingseeportal.security.PortalUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The people's side of the engine's tables (V14): submitting, reading and steering jobs, scoped to one tenant. */
@Repository
class BulkJobStore {

    private static final String JOB_COLUMNS = "id, tenant_id, kind, subject, params, created_by_subject,"
            + " created_by_name, created_by_roles, tenant_slug, tenant_name, created_at, state, finished_at,"
            + " wrapped_up_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    BulkJobStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Deletes the jobs that finished before {@code before}, and whose handlers have had their say, with their items.
     * Returns how many jobs went.
     */
    int deleteFinishedBefore(Instant before) {
        String old = "SELECT id FROM bulk_job WHERE finished_at < ? AND wrapped_up_at IS NOT NULL";
        Timestamp at = Timestamp.from(before);
        jdbc.sql("DELETE FROM bulk_item WHERE job_id IN (" + old + ")")
                .param(at)
                .update();
        return jdbc.sql("DELETE FROM bulk_job WHERE id IN (" + old + ")")
                .param(at)
                .update();
    }

    long insertJob(
            long tenantId, String kind, String subject, String params, PortalUser user, int abortPercent, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO bulk_job (tenant_id, kind, subject, params, created_by_subject, created_by_name,"
                        + " created_by_roles, tenant_slug, tenant_name, created_at, state, abort_percent)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?)")
                .params(
                        tenantId,
                        kind,
                        subject,
                        params,
                        user.subject(),
                        user.name(),
                        String.join(",", user.roles()),
                        user.tenantSlug(),
                        user.tenantName(),
                        Timestamp.from(at),
                        abortPercent)
                .update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    void insertItems(long jobId, long tenantId, List<BulkItemRequest> items, Instant at) {
        Timestamp now = Timestamp.from(at);
        batches.batchUpdate(
                "INSERT INTO bulk_item (job_id, tenant_id, item_key, position, state, outcome, message, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                IntStream.range(0, items.size())
                        .mapToObj(position -> {
                            BulkItemRequest item = items.get(position);
                            boolean skip = item.skipReason() != null;
                            return new Object[] {
                                jobId,
                                tenantId,
                                item.key(),
                                position,
                                skip ? BulkItemState.SKIPPED.name() : BulkItemState.PENDING.name(),
                                skip ? "SKIPPED" : null,
                                item.skipReason(),
                                skip ? now : null
                            };
                        })
                        .toList());
    }

    /** The job, if the tenant has it; {@code tenantId} null for the engine's own reads. */
    Optional<StoredJob> job(@Nullable Long tenantId, long jobId) {
        var query = tenantId == null
                ? jdbc.sql("SELECT " + JOB_COLUMNS + " FROM bulk_job WHERE id = ?")
                        .param(jobId)
                : jdbc.sql("SELECT " + JOB_COLUMNS + " FROM bulk_job WHERE id = ? AND tenant_id = ?")
                        .params(jobId, tenantId);
        return query.query((row, number) -> new StoredJob(
                        new BulkJobView(
                                row.getLong("id"),
                                row.getLong("tenant_id"),
                                row.getString("kind"),
                                BulkRows.text(row.getString("subject")),
                                BulkRows.text(row.getString("params")),
                                row.getString("created_by_name"),
                                row.getTimestamp("created_at").toInstant(),
                                BulkJobState.valueOf(row.getString("state")),
                                instant(row.getTimestamp("finished_at"))),
                        BulkRows.creator(row, row.getLong("tenant_id")),
                        row.getTimestamp("wrapped_up_at") != null))
                .optional();
    }

    /** The items of the job, in order; all when {@code states} is empty. */
    List<BulkItemView> items(long tenantId, long jobId, Set<BulkItemState> states) {
        String filter = states.isEmpty()
                ? ""
                : " AND state IN ("
                        + states.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "))
                        + ")";
        return jdbc.sql("SELECT item_key, position, state, outcome, message FROM bulk_item WHERE tenant_id = ?"
                        + " AND job_id = ?" + filter + " ORDER BY position")
                .params(tenantId, jobId)
                .query((row, number) -> new BulkItemView(
                        row.getString("item_key"),
                        row.getInt("position"),
                        BulkItemState.valueOf(row.getString("state")),
                        BulkRows.text(row.getString("outcome")),
                        BulkRows.text(row.getString("message"))))
                .list();
    }

    /** When the job's most recently finished items finished (not skipped or canceled ones), newest first. */
    List<Instant> recentFinishes(long jobId, int limit) {
        return jdbc.sql("SELECT finished_at FROM bulk_item WHERE job_id = ? AND state IN ('SUCCEEDED', 'FAILED')"
                        + " ORDER BY finished_at DESC LIMIT ?")
                .params(jobId, limit)
                .query((row, number) -> row.getTimestamp("finished_at").toInstant())
                .list();
    }

    /** Sets the job's state if it is one of {@code from}; holds the job's row until the transaction ends. */
    boolean changeState(long tenantId, long jobId, Set<BulkJobState> from, BulkJobState to) {
        var current = jdbc.sql("SELECT state FROM bulk_job WHERE id = ? AND tenant_id = ? FOR UPDATE")
                .params(jobId, tenantId)
                .query(String.class)
                .optional()
                .map(BulkJobState::valueOf);
        if (current.isEmpty() || !from.contains(current.get())) {
            return false;
        }
        jdbc.sql("UPDATE bulk_job SET state = ? WHERE id = ?")
                .params(to.name(), jobId)
                .update();
        return true;
    }

    /** Failed items run again: the job runs again, and its handler has its say again when it finishes. */
    int retryFailed(long jobId) {
        int items = jdbc.sql("UPDATE bulk_item SET state = 'PENDING', attempts = 0, outcome = NULL, message = NULL,"
                        + " not_before = NULL, finished_at = NULL WHERE job_id = ? AND state = 'FAILED'")
                .param(jobId)
                .update();
        if (items > 0) {
            jdbc.sql("UPDATE bulk_job SET state = 'RUNNING', finished_at = NULL, wrapped_up_at = NULL WHERE id = ?")
                    .param(jobId)
                    .update();
        }
        return items;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A job with who submitted it, and whether its handler has had its say about its finish. */
    record StoredJob(BulkJobView view, PortalUser creator, boolean wrappedUp) {}

    /** Finished jobs whose handler has not had its say, and that no live node is giving it. */
    List<Long> jobsToWrapUp(Instant now) {
        return jdbc.sql("SELECT id FROM bulk_job WHERE finished_at IS NOT NULL AND wrapped_up_at IS NULL"
                        + " AND (wrap_up_until IS NULL OR wrap_up_until < ?) ORDER BY id")
                .param(Timestamp.from(now))
                .query(Long.class)
                .list();
    }

    /** Takes the wrap-up of the job for this node until {@code until}, unless another node has it. */
    boolean claimWrapUp(long jobId, String owner, Instant now, Instant until) {
        return jdbc.sql("UPDATE bulk_job SET wrap_up_owner = ?, wrap_up_until = ? WHERE id = ?"
                                + " AND finished_at IS NOT NULL AND wrapped_up_at IS NULL"
                                + " AND (wrap_up_until IS NULL OR wrap_up_until < ?)")
                        .params(owner, Timestamp.from(until), jobId, Timestamp.from(now))
                        .update()
                == 1;
    }

    void wrappedUp(long jobId, Instant now) {
        jdbc.sql("UPDATE bulk_job SET wrapped_up_at = ?, wrap_up_owner = NULL, wrap_up_until = NULL WHERE id = ?")
                .params(Timestamp.from(now), jobId)
                .update();
    }
}
