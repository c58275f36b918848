package io.thingseeportal.group;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sync's tables (V5) and its imports of groups, always scoped to one tenant. Used only by {@link GroupSyncService}.
 *
 * <p>Several portal nodes may sync the same tenant at the same time; nothing here can then fail or duplicate a row:
 * inserts are {@code ON CONFLICT DO NOTHING} against the unique keys, and {@link #lock} serialises the write phases of
 * one tenant's syncs on its {@code group_sync_state} row.
 */
@Repository
class GroupSyncStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    GroupSyncStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Claims the tenant's scheduled sync for this node unless another claimed it after {@code claimedBefore}. The
     * conditional update locks the row, so of two nodes claiming at once one wins and the other sees its claim.
     */
    boolean claim(long tenantId, Instant now, Instant claimedBefore) {
        ensureState(tenantId);
        return jdbc.sql("UPDATE group_sync_state SET claimed_at = ?"
                                + " WHERE tenant_id = ? AND (claimed_at IS NULL OR claimed_at <= ?)")
                        .params(Timestamp.from(now), tenantId, Timestamp.from(claimedBefore))
                        .update()
                == 1;
    }

    /** Holds the tenant's sync row until the transaction ends: another sync's writes for the tenant wait. */
    void lock(long tenantId) {
        ensureState(tenantId);
        jdbc.sql("SELECT tenant_id FROM group_sync_state WHERE tenant_id = ? FOR UPDATE")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    void markSynced(long tenantId, Instant now) {
        jdbc.sql("UPDATE group_sync_state SET synced_at = ?, claimed_at = ? WHERE tenant_id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), tenantId)
                .update();
    }

    Set<String> groupIds(long tenantId) {
        return new HashSet<>(jdbc.sql("SELECT group_id FROM deployment_group WHERE tenant_id = ?")
                .param(tenantId)
                .query(String.class)
                .list());
    }

    /** Adds the group unless the tenant has it (a sync of another node may have added it a moment ago). */
    boolean importGroup(long tenantId, GroupId id, @Nullable String description, Instant now) {
        return jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, description, created_at, last_activity_at)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(tenantId, id.value(), description, Timestamp.from(now), Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Makes the stored differences those just found: resolved ones go, new ones come with {@code foundAt}, and those
     * found before keep the time they were first found. Returns how many there are now.
     */
    int replaceDifferences(long tenantId, List<GroupSyncDifference> found) {
        Map<String, GroupSyncDifference> stored = new HashMap<>();
        differences(tenantId, 0, Integer.MAX_VALUE).forEach(difference -> stored.put(key(difference), difference));
        Map<String, GroupSyncDifference> current = new HashMap<>();
        found.forEach(difference -> current.put(key(difference), difference));

        List<Object[]> resolved = stored.values().stream()
                .filter(old ->
                        !current.containsKey(key(old)) || !current.get(key(old)).sameAs(old))
                .map(old -> new Object[] {tenantId, old.kind().name(), old.subject()})
                .toList();
        batches.batchUpdate(
                "DELETE FROM group_sync_difference WHERE tenant_id = ? AND kind = ? AND subject = ?", resolved);
        List<Object[]> added = current.values().stream()
                .filter(now ->
                        !stored.containsKey(key(now)) || !stored.get(key(now)).sameAs(now))
                .map(now -> new Object[] {
                    tenantId,
                    now.kind().name(),
                    now.subject(),
                    now.portalGroupId(),
                    now.thingseeGroupId(),
                    Timestamp.from(now.foundAt())
                })
                .toList();
        batches.batchUpdate(
                "INSERT INTO group_sync_difference"
                        + " (tenant_id, kind, subject, portal_group_id, thingsee_group_id, found_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                added);
        return current.size();
    }

    /** The differences, newest first. */
    List<GroupSyncDifference> differences(long tenantId, int offset, int limit) {
        return jdbc.sql("SELECT kind, subject, portal_group_id, thingsee_group_id, found_at FROM group_sync_difference"
                        + " WHERE tenant_id = ? ORDER BY found_at DESC, kind, subject LIMIT ? OFFSET ?")
                .params(tenantId, limit, offset)
                .query((row, number) -> new GroupSyncDifference(
                        GroupSyncDifference.Kind.valueOf(row.getString("kind")),
                        row.getString("subject"),
                        row.getString("portal_group_id"),
                        row.getString("thingsee_group_id"),
                        row.getTimestamp("found_at").toInstant()))
                .list();
    }

    GroupSyncStatus status(long tenantId) {
        List<@Nullable Timestamp> synced = jdbc.sql("SELECT synced_at FROM group_sync_state WHERE tenant_id = ?")
                .param(tenantId)
                .query((row, number) -> row.getTimestamp("synced_at"))
                .list();
        Timestamp lastSynced = synced.isEmpty() ? null : synced.get(0);
        long differences = jdbc.sql("SELECT count(*) FROM group_sync_difference WHERE tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();
        return new GroupSyncStatus(lastSynced == null ? null : lastSynced.toInstant(), differences);
    }

    private void ensureState(long tenantId) {
        jdbc.sql("INSERT INTO group_sync_state (tenant_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(tenantId)
                .update();
    }

    private static String key(GroupSyncDifference difference) {
        return difference.kind().name() + ' ' + difference.subject();
    }
}
