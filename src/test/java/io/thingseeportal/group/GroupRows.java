package io.thingseeportal.group;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of groups and devices with chosen values, for the tests of the group list and the sync. */
public final class GroupRows {

    private GroupRows() {}

    public static void group(
            JdbcClient jdbc, long tenantId, String groupId, @Nullable String description, Instant lastActivity) {
        jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, description, created_at, last_activity_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(tenantId, groupId, description, Timestamp.from(lastActivity), Timestamp.from(lastActivity))
                .update();
    }

    /** Devices {@code prefix1} to {@code prefixN} in the group ({@code null}: in no group). */
    public static void devices(JdbcClient jdbc, long tenantId, @Nullable String groupId, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            device(jdbc, tenantId, prefix + i, groupId);
        }
    }

    public static void device(JdbcClient jdbc, long tenantId, String tuid, @Nullable String groupId) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, group_id) VALUES (?, ?, ?, ?)")
                .params(tenantId, tuid, Timestamp.from(Instant.now()), groupId)
                .update();
    }

    public static @Nullable String groupOf(JdbcClient jdbc, long tenantId, String tuid) {
        return jdbc.sql("SELECT group_id FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
