package io.thingseeportal.group;

import io.thingseeportal.sql.SearchPattern;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The group tables, always scoped to one tenant. Used only by {@link GroupService}. */
@Repository
class GroupStore {

    private final JdbcClient jdbc;

    GroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(long tenantId) {
        return jdbc.sql("SELECT count(*) FROM deployment_group WHERE tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    Optional<DeploymentGroup> find(long tenantId, GroupId id) {
        return jdbc.sql("SELECT group_id, description, created_at FROM deployment_group"
                        + " WHERE tenant_id = ? AND group_id = ?")
                .params(tenantId, id.value())
                .query((row, number) -> new DeploymentGroup(
                        GroupId.parse(row.getString("group_id")),
                        row.getString("description"),
                        row.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Inserts the group unless the tenant has it already (for example from a second, simultaneous request). */
    boolean insertIfAbsent(long tenantId, DeploymentGroup group) {
        // ON CONFLICT, not a caught duplicate key: on PostgreSQL a failed insert would abort the caller's transaction.
        return jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, description, created_at, last_activity_at)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(
                                tenantId,
                                group.id().value(),
                                group.description(),
                                Timestamp.from(group.createdAt()),
                                Timestamp.from(group.createdAt()))
                        .update()
                == 1;
    }

    /** Records the change and makes it the group's last activity. */
    void addChange(long tenantId, GroupChange change) {
        jdbc.sql("UPDATE deployment_group SET last_activity_at = ? WHERE tenant_id = ? AND group_id = ?")
                .params(Timestamp.from(change.changedAt()), tenantId, change.groupId())
                .update();
        jdbc.sql("INSERT INTO group_change (tenant_id, group_id, changed_at, changed_by, change, details)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        change.groupId(),
                        Timestamp.from(change.changedAt()),
                        change.changedBy(),
                        change.kind().name(),
                        change.details())
                .update();
    }

    List<GroupChange> changes(long tenantId, GroupId id) {
        return jdbc.sql("SELECT group_id, changed_at, changed_by, change, details FROM group_change"
                        + " WHERE tenant_id = ? AND group_id = ? ORDER BY changed_at DESC, id DESC")
                .params(tenantId, id.value())
                .query((row, number) -> new GroupChange(
                        row.getString("group_id"),
                        row.getTimestamp("changed_at").toInstant(),
                        row.getString("changed_by"),
                        GroupChange.Kind.valueOf(row.getString("change")),
                        row.getString("details")))
                .list();
    }

    /** The tenant's groups whose id or description contains the text, by id; a page of them. */
    List<DeploymentGroup> findMatching(long tenantId, String text, int offset, int limit) {
        String pattern = SearchPattern.contains(text);
        return jdbc.sql("SELECT group_id, description, created_at FROM deployment_group WHERE tenant_id = ?"
                        + " AND (group_id LIKE ? ESCAPE '\\' OR lower(description) LIKE ? ESCAPE '\\')"
                        + " ORDER BY group_id LIMIT ? OFFSET ?")
                .params(tenantId, pattern, pattern, limit, offset)
                .query((row, number) -> new DeploymentGroup(
                        GroupId.parse(row.getString("group_id")),
                        row.getString("description"),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Gives the group its new id; its history follows it. False when the tenant has no such group. */
    boolean rename(long tenantId, GroupId id, GroupId newId) {
        int renamed = jdbc.sql("UPDATE deployment_group SET group_id = ? WHERE tenant_id = ? AND group_id = ?")
                .params(newId.value(), tenantId, id.value())
                .update();
        jdbc.sql("UPDATE group_change SET group_id = ? WHERE tenant_id = ? AND group_id = ?")
                .params(newId.value(), tenantId, id.value())
                .update();
        // The tenant's default group for installations follows it (tenant settings).
        jdbc.sql("UPDATE tenant SET default_group_id = ? WHERE id = ? AND default_group_id = ?")
                .params(newId.value(), tenantId, id.value())
                .update();
        return renamed > 0;
    }

    /** Deletes the group; its history stays, and the tenant has no default group for installations if it was it. */
    boolean delete(long tenantId, GroupId id) {
        jdbc.sql("UPDATE tenant SET default_group_id = NULL WHERE id = ? AND default_group_id = ?")
                .params(tenantId, id.value())
                .update();
        return jdbc.sql("DELETE FROM deployment_group WHERE tenant_id = ? AND group_id = ?")
                        .params(tenantId, id.value())
                        .update()
                > 0;
    }
}
