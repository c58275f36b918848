package io.thingseeportal.installation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The installation history, always of one tenant. */
@Repository
class InstallationEventStore {

    private final JdbcClient jdbc;

    InstallationEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long tenantId, InstallationEvent event) {
        jdbc.sql("INSERT INTO installation_event (tenant_id, tuid, action, asset_path, site, group_id, replaced_tuid,"
                        + " done_by, done_by_name, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        event.tuid(),
                        event.action().name(),
                        event.assetPath(),
                        event.site(),
                        event.groupId(),
                        event.replacedTuid(),
                        event.doneBy(),
                        event.doneByName(),
                        Timestamp.from(event.doneAt()))
                .update();
    }

    List<InstallationEvent> find(long tenantId, HistoryFilter filter, int offset, int limit) {
        return where(
                        jdbc.sql(
                                "SELECT tuid, action, asset_path, site, group_id, replaced_tuid, done_by, done_by_name,"
                                        + " done_at FROM installation_event" + conditions(filter)
                                        + " ORDER BY done_at DESC, id DESC LIMIT :limit OFFSET :offset"),
                        tenantId,
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(InstallationEventStore::event)
                .list();
    }

    long count(long tenantId, HistoryFilter filter) {
        return where(jdbc.sql("SELECT count(*) FROM installation_event" + conditions(filter)), tenantId, filter)
                .query(Long.class)
                .single();
    }

    /** Who appears in the history: each subject with the name they had most recently. */
    Map<String, String> people(long tenantId) {
        var people = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT done_by, done_by_name FROM installation_event WHERE tenant_id = ? ORDER BY done_at")
                .param(tenantId)
                .query((row, number) -> people.put(row.getString(1), row.getString(2)))
                .list();
        return people;
    }

    List<String> sites(long tenantId) {
        return jdbc.sql("SELECT DISTINCT site FROM installation_event WHERE tenant_id = ? AND site IS NOT NULL"
                        + " ORDER BY site")
                .param(tenantId)
                .query(String.class)
                .list();
    }

    private static String conditions(HistoryFilter filter) {
        var where = new StringBuilder(" WHERE tenant_id = :tenant");
        if (filter.installer() != null) {
            where.append(" AND done_by = :installer");
        }
        if (filter.site() != null) {
            where.append(" AND site = :site");
        }
        if (filter.start() != null) {
            where.append(" AND done_at >= :start");
        }
        if (filter.end() != null) {
            where.append(" AND done_at < :end");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec where(JdbcClient.StatementSpec sql, long tenantId, HistoryFilter filter) {
        sql = sql.param("tenant", tenantId);
        if (filter.installer() != null) {
            sql = sql.param("installer", filter.installer());
        }
        if (filter.site() != null) {
            sql = sql.param("site", filter.site());
        }
        Instant start = filter.start();
        if (start != null) {
            sql = sql.param("start", Timestamp.from(start));
        }
        Instant end = filter.end();
        if (end != null) {
            sql = sql.param("end", Timestamp.from(end));
        }
        return sql;
    }

    private static InstallationEvent event(ResultSet row, int number) throws SQLException {
        return new InstallationEvent(
                row.getString("tuid"),
                InstallationEvent.Action.valueOf(row.getString("action")),
                row.getString("asset_path"),
                row.getString("site"),
                row.getString("group_id"),
                row.getString("replaced_tuid"),
                row.getString("done_by"),
                row.getString("done_by_name"),
                row.getTimestamp("done_at").toInstant());
    }
}
