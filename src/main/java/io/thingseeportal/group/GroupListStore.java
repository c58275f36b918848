package io.thingseeportal.group;

import io.thingseeportal.sql.SearchPattern;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The group list's queries: one page at a time, searched, sorted and counted in SQL. Used only by
 * {@link GroupService}.
 *
 * <p>A group's device count is a correlated count per row over the index {@code device_by_group (tenant_id, group_id,
 * tuid)}: for the sorts by a column of the group the database picks the page first and counts only its rows; sorted by
 * the count it counts every group of the tenant once, which on PostgreSQL stays well inside the list's budget with
 * 10,000 groups and 100,000 devices (see docs/benchmarks.md). A maintained count column would have to follow every
 * change of a device's group, in every feature that moves devices.
 */
@Repository
class GroupListStore {

    private static final String FROM_WHERE = " FROM deployment_group g WHERE g.tenant_id = :tenant";
    private static final String SEARCH =
            " AND (g.group_id LIKE :pattern ESCAPE '\\' OR lower(g.description) LIKE :pattern ESCAPE '\\')";

    private final JdbcClient jdbc;

    GroupListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GroupListItem> page(long tenantId, String search, GroupListSort sort, int offset, int limit) {
        String sql = "SELECT g.group_id, g.description, g.last_activity_at,"
                + " (SELECT count(*) FROM device d WHERE d.tenant_id = g.tenant_id AND d.group_id = g.group_id)"
                + " AS device_count"
                + FROM_WHERE
                + (search.isBlank() ? "" : SEARCH)
                + " ORDER BY " + orderBy(sort) + ", g.group_id"
                + " LIMIT :limit OFFSET :offset";
        var statement =
                jdbc.sql(sql).param("tenant", tenantId).param("limit", limit).param("offset", offset);
        if (!search.isBlank()) {
            statement = statement.param("pattern", SearchPattern.contains(search));
        }
        return statement
                .query((row, number) -> new GroupListItem(
                        GroupId.parse(row.getString("group_id")),
                        row.getString("description"),
                        row.getLong("device_count"),
                        row.getTimestamp("last_activity_at").toInstant()))
                .list();
    }

    long count(long tenantId, String search) {
        var statement = jdbc.sql("SELECT count(*)" + FROM_WHERE + (search.isBlank() ? "" : SEARCH))
                .param("tenant", tenantId);
        if (!search.isBlank()) {
            statement = statement.param("pattern", SearchPattern.contains(search));
        }
        return statement.query(Long.class).single();
    }

    /** Only fixed SQL goes into the ORDER BY; the direction comes from a boolean. */
    private static String orderBy(GroupListSort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        return switch (sort.column()) {
            case ID -> "g.group_id" + direction;
            case DESCRIPTION -> "lower(g.description)" + direction + " NULLS LAST";
            case ENVIRONMENT -> "SUBSTRING(g.group_id FROM 1 FOR 2)" + direction;
            case COUNTRY -> "SUBSTRING(g.group_id FROM 3 FOR 2)" + direction;
            case DEVICE_COUNT -> "device_count" + direction;
            case LAST_ACTIVITY -> "g.last_activity_at" + direction;
        };
    }
}
