package io.thingseeportal.bulk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The workers' side of the engine's tables (V14): claiming items, recording their outcomes, and moving jobs on. Each
 * method runs in the caller's (short) transaction; none waits for a row another node has locked, except
 * {@link #settle}, which holds the job's row for the few statements that count its items.
 */
@Repository
class BulkWorkStore {

    private final JdbcClient jdbc;

    BulkWorkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The running jobs by tenant, each tenant's in the order they were made: whose items there may be to claim. */
    Map<Long, List<Long>> runningJobs() {
        Map<Long, List<Long>> byTenant = new LinkedHashMap<>();
        jdbc.sql("SELECT tenant_id, id FROM bulk_job WHERE state = 'RUNNING' ORDER BY id")
                .query((RowCallbackHandler)
                        row -> byTenant.computeIfAbsent(row.getLong("tenant_id"), tenant -> new ArrayList<>())
                                .add(row.getLong("id")));
        return byTenant;
    }

    /**
     * Claims up to {@code limit} items of these running jobs (one tenant's): with {@code expiredLeases}, first running
     * ones whose lease ran out (their node stopped), then pending ones that are due, in the jobs' order. Rows another
     * transaction has locked are skipped, not waited for; one update claims the rows read, which stay locked by this
     * transaction until it ends.
     */
    List<Long> claim(List<Long> jobs, boolean expiredLeases, String owner, Instant now, Instant leaseUntil, int limit) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Timestamp at = Timestamp.from(now);
        // Along the indexes, each query leaving them after `limit` rows: expired leases by bulk_item_leases, then each
        // running job's pending items by bulk_item_claimable with the job named. With the jobs as a subquery (or one
        // query with an OR) the database read the items of every job, finished ones included, at each claim.
        List<Long> candidates = new ArrayList<>();
        if (expiredLeases) {
            candidates.addAll(jdbc.sql("SELECT id FROM bulk_item WHERE state = 'RUNNING' AND lease_until < :at"
                            + " AND job_id IN (:jobs) ORDER BY lease_until LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .param("at", at)
                    .param("jobs", jobs)
                    .param("limit", limit)
                    .query(Long.class)
                    .list());
        }
        for (int job = 0; job < jobs.size() && candidates.size() < limit; job++) {
            candidates.addAll(jdbc.sql("SELECT id FROM bulk_item WHERE job_id = ? AND state = 'PENDING'"
                            + " AND (not_before IS NULL OR not_before <= ?) ORDER BY position LIMIT ?"
                            + " FOR UPDATE SKIP LOCKED")
                    .params(jobs.get(job), at, limit - candidates.size())
                    .query(Long.class)
                    .list());
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // The condition again: PostgreSQL hands out locked rows that still match it, but not every database does.
        int updated = jdbc.sql("UPDATE bulk_item SET state = 'RUNNING', lease_owner = :owner, lease_until = :until,"
                        + " attempts = attempts + 1, started_at = COALESCE(started_at, :at) WHERE id IN (:ids) AND"
                        + " ((state = 'PENDING' AND (not_before IS NULL OR not_before <= :at))"
                        + " OR (state = 'RUNNING' AND lease_until < :at))")
                .param("owner", owner)
                .param("until", Timestamp.from(leaseUntil))
                .param("at", at)
                .param("ids", candidates)
                .update();
        if (updated == candidates.size()) {
            return candidates;
        }
        return jdbc.sql("SELECT id FROM bulk_item WHERE id IN (:ids) AND state = 'RUNNING' AND lease_owner = :owner"
                        + " AND lease_until = :until ORDER BY id")
                .param("ids", candidates)
                .param("owner", owner)
                .param("until", Timestamp.from(leaseUntil))
                .query(Long.class)
                .list();
    }

    /** What a worker needs to run a claimed item: the item and its job, with who submitted it. */
    ClaimedItem claimed(long itemId) {
        return jdbc.sql("SELECT i.id, i.job_id, i.tenant_id, i.item_key, i.position, i.attempts, j.kind, j.subject,"
                        + " j.params, j.created_by_subject, j.created_by_name, j.created_by_roles, j.tenant_slug,"
                        + " j.tenant_name FROM bulk_item i JOIN bulk_job j ON j.id = i.job_id WHERE i.id = ?")
                .param(itemId)
                .query((row, number) -> new ClaimedItem(
                        row.getLong("id"),
                        new BulkItemContext(
                                row.getLong("job_id"),
                                row.getLong("tenant_id"),
                                row.getString("kind"),
                                row.getString("item_key"),
                                row.getInt("position"),
                                BulkRows.text(row.getString("subject")),
                                BulkRows.text(row.getString("params")),
                                row.getInt("attempts"),
                                BulkRows.creator(row, row.getLong("tenant_id")))))
                .single();
    }

    /** Records the outcome, unless this node no longer holds the item (its lease ran out and another took it). */
    boolean finish(long itemId, String owner, ItemOutcome outcome, Instant now) {
        return jdbc.sql("UPDATE bulk_item SET state = ?, outcome = ?, message = ?, finished_at = ?, lease_owner = NULL,"
                                + " lease_until = NULL WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?")
                        .params(
                                outcome.state().name(),
                                outcome.outcome(),
                                outcome.message(),
                                Timestamp.from(now),
                                itemId,
                                owner)
                        .update()
                == 1;
    }

    /**
     * Puts the item back to run again from {@code notBefore}. With {@code counted} false the attempt does not count
     * (a rate limit is not the item's fault).
     */
    boolean requeue(long itemId, String owner, Instant notBefore, boolean counted, String message) {
        return jdbc.sql("UPDATE bulk_item SET state = 'PENDING', not_before = ?, message = ?, lease_owner = NULL,"
                                + " lease_until = NULL, attempts = attempts - ? WHERE id = ? AND state = 'RUNNING'"
                                + " AND lease_owner = ?")
                        .params(Timestamp.from(notBefore), message, counted ? 0 : 1, itemId, owner)
                        .update()
                == 1;
    }

    /**
     * Extends the leases of these items, which the node is still running, so that no other node takes an item that is slow, only
     * one whose node stopped renewing (it died).
     */
    int renewLeases(String owner, Collection<Long> itemIds, Instant leaseUntil) {
        return jdbc.sql("UPDATE bulk_item SET lease_until = :until WHERE id IN (:ids) AND state = 'RUNNING'"
                        + " AND lease_owner = :owner")
                .param("until", Timestamp.from(leaseUntil))
                .param("ids", itemIds)
                .param("owner", owner)
                .update();
    }

    /** A stopping node hands back the items it still holds, so that another node runs them without waiting. */
    int release(String owner) {
        return jdbc.sql("UPDATE bulk_item SET state = 'PENDING', lease_owner = NULL, lease_until = NULL,"
                        + " attempts = attempts - 1 WHERE state = 'RUNNING' AND lease_owner = ?")
                .param(owner)
                .update();
    }

    /**
     * Items whose node stopped while their job was paused, canceled or aborted: a paused job's run again when it
     * resumes, the others' are canceled. Returns the jobs that changed.
     */
    List<Long> sweepExpiredLeases(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Long> jobs = jdbc.sql("SELECT DISTINCT i.job_id FROM bulk_item i JOIN bulk_job j ON j.id = i.job_id"
                        + " WHERE i.state = 'RUNNING' AND i.lease_until < ? AND j.state <> 'RUNNING'")
                .param(at)
                .query(Long.class)
                .list();
        for (long job : jobs) {
            jdbc.sql("UPDATE bulk_item SET state = CASE WHEN (SELECT state FROM bulk_job WHERE id = ?) = 'PAUSED'"
                            + " THEN 'PENDING' ELSE 'CANCELED' END, lease_owner = NULL, lease_until = NULL"
                            + " WHERE job_id = ? AND state = 'RUNNING' AND lease_until < ?")
                    .params(job, job, at)
                    .update();
        }
        return jobs;
    }

    /**
     * Moves the job on after an item's outcome: ABORTED (its pending items canceled) when too many failed, DONE when no
     * item is left to run; and marks it finished once it is final and none of its items runs any more. Holds the
     * job's row, so that of two nodes finishing its last items one finishes the job. Returns whether it finished now.
     */
    boolean settle(long jobId, Instant now, int abortMinItems) {
        var job = jdbc.sql("SELECT state, abort_percent, finished_at FROM bulk_job WHERE id = ? FOR UPDATE")
                .param(jobId)
                .query((row, number) -> new Object[] {
                    BulkJobState.valueOf(row.getString("state")),
                    row.getInt("abort_percent"),
                    row.getTimestamp("finished_at") != null
                })
                .single();
        var state = (BulkJobState) job[0];
        int abortPercent = (int) job[1];
        boolean finished = (boolean) job[2];
        Map<BulkItemState, Integer> counts = counts(jobId);
        int pending = counts.get(BulkItemState.PENDING);
        int running = counts.get(BulkItemState.RUNNING);
        if (!state.isFinal()) {
            int failed = counts.get(BulkItemState.FAILED);
            int tried = failed + counts.get(BulkItemState.SUCCEEDED);
            if (failed > 0 && tried >= abortMinItems && failed * 100L > (long) abortPercent * tried) {
                state = BulkJobState.ABORTED;
                cancelPending(jobId, now, "ABORTED");
            } else if (pending + running == 0) {
                state = BulkJobState.DONE;
            }
            jdbc.sql("UPDATE bulk_job SET state = ? WHERE id = ?")
                    .params(state.name(), jobId)
                    .update();
        }
        if (state.isFinal() && running == 0 && !finished) {
            jdbc.sql("UPDATE bulk_job SET finished_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), jobId)
                    .update();
            return true;
        }
        return false;
    }

    /** Whether a success may move the job on: none of its items is left to run, or some failed (abort threshold). */
    boolean mayMoveOn(long jobId) {
        return jdbc.sql(
                        "SELECT NOT EXISTS (SELECT 1 FROM bulk_item WHERE job_id = ? AND state IN ('PENDING', 'RUNNING'))"
                                + " OR EXISTS (SELECT 1 FROM bulk_item WHERE job_id = ? AND state = 'FAILED')")
                .params(jobId, jobId)
                .query(Boolean.class)
                .single();
    }

    /** Unfinished jobs that are not paused and have no item running, nor one pending while they run: to settle. */
    List<Long> jobsToSettle() {
        return jdbc.sql("SELECT id FROM bulk_job j WHERE finished_at IS NULL AND state <> 'PAUSED'"
                        + " AND NOT EXISTS (SELECT 1 FROM bulk_item i WHERE i.job_id = j.id AND (i.state = 'RUNNING'"
                        + " OR (i.state = 'PENDING' AND j.state = 'RUNNING')))")
                .query(Long.class)
                .list();
    }

    void cancelPending(long jobId, Instant now, String outcome) {
        jdbc.sql("UPDATE bulk_item SET state = 'CANCELED', outcome = ?, finished_at = ? WHERE job_id = ?"
                        + " AND state = 'PENDING'")
                .params(outcome, Timestamp.from(now), jobId)
                .update();
    }

    Map<BulkItemState, Integer> counts(long jobId) {
        var counts = new EnumMap<BulkItemState, Integer>(BulkItemState.class);
        for (BulkItemState state : BulkItemState.values()) {
            counts.put(state, 0);
        }
        jdbc.sql("SELECT state, count(*) AS n FROM bulk_item WHERE job_id = ? GROUP BY state")
                .param(jobId)
                .query((row, number) -> counts.put(BulkItemState.valueOf(row.getString("state")), row.getInt("n")))
                .list();
        return counts;
    }

    /** A claimed item, by its row id. */
    record ClaimedItem(long id, BulkItemContext context) {}
}
