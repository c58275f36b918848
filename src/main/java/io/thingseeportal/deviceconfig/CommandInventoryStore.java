package io.thingseeportal.deviceconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.sql.SearchPattern;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the command inventory, always of one tenant: pages of the filtered commands, newest first (by id, the
 * order they were made in), and what the filters offer.
 */
@Repository
class CommandInventoryStore {

    private final JdbcClient jdbc;
    private final CommandRows rows;

    CommandInventoryStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rows = new CommandRows(json);
    }

    List<DeviceCommand> find(long tenantId, CommandFilter filter, int offset, int limit) {
        return where(
                        jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command" + conditions(filter, false)
                                + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                        tenantId,
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(rows::command)
                .list();
    }

    /** The next page after the command {@code beforeId} (or the first, when null): for reading all of them in pages. */
    List<DeviceCommand> page(long tenantId, CommandFilter filter, @Nullable Long beforeId, int limit) {
        var sql = where(
                        jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command"
                                + conditions(filter, beforeId != null) + " ORDER BY id DESC LIMIT :limit"),
                        tenantId,
                        filter)
                .param("limit", limit);
        if (beforeId != null) {
            sql = sql.param("before", beforeId);
        }
        return sql.query(rows::command).list();
    }

    long count(long tenantId, CommandFilter filter) {
        return where(jdbc.sql("SELECT count(*) FROM device_command" + conditions(filter, false)), tenantId, filter)
                .query(Long.class)
                .single();
    }

    Optional<DeviceCommand> find(long tenantId, long id) {
        return jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id)
                .query(rows::command)
                .optional();
    }

    List<DeviceCommand> find(long tenantId, Collection<Long> ids) {
        return jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command WHERE tenant_id = :tenant AND id IN"
                        + " (:ids)")
                .param("tenant", tenantId)
                .param("ids", List.copyOf(ids))
                .query(rows::command)
                .list();
    }

    /** Who made commands: each subject with the name they had most recently. */
    Map<String, String> people(long tenantId) {
        var people = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT created_by, created_by_name FROM device_command WHERE id IN (SELECT max(id) FROM"
                        + " device_command WHERE tenant_id = ? GROUP BY created_by) ORDER BY created_by_name")
                .param(tenantId)
                .query((row, number) -> people.put(row.getString(1), row.getString(2)))
                .list();
        return people;
    }

    List<String> groups(long tenantId) {
        return jdbc.sql("SELECT DISTINCT group_id FROM device_command WHERE tenant_id = ? AND group_id IS NOT NULL"
                        + " ORDER BY group_id")
                .param(tenantId)
                .query(String.class)
                .list();
    }

    private static String conditions(CommandFilter filter, boolean before) {
        var where = new StringBuilder(" WHERE tenant_id = :tenant");
        if (!filter.states().isEmpty()) {
            where.append(" AND state IN (:states)");
        }
        if (filter.tuid() != null) {
            where.append(" AND lower(tuid) LIKE :tuid ESCAPE '\\'");
        }
        if (filter.groupId() != null) {
            where.append(" AND group_id = :group");
        }
        if (filter.createdBy() != null) {
            where.append(" AND created_by = :by");
        }
        if (filter.start() != null) {
            where.append(" AND created_at >= :start");
        }
        if (filter.end() != null) {
            where.append(" AND created_at < :end");
        }
        if (filter.jobId() != null) {
            where.append(" AND job_id = :job");
        }
        if (before) {
            where.append(" AND id < :before");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec where(JdbcClient.StatementSpec sql, long tenantId, CommandFilter filter) {
        sql = sql.param("tenant", tenantId);
        if (!filter.states().isEmpty()) {
            sql = sql.param(
                    "states",
                    filter.states().stream().map(CommandState::name).sorted().toList());
        }
        String tuid = filter.tuid();
        if (tuid != null) {
            sql = sql.param("tuid", SearchPattern.contains(tuid));
        }
        if (filter.groupId() != null) {
            sql = sql.param("group", filter.groupId());
        }
        if (filter.createdBy() != null) {
            sql = sql.param("by", filter.createdBy());
        }
        Instant start = filter.start();
        if (start != null) {
            sql = sql.param("start", Timestamp.from(start));
        }
        Instant end = filter.end();
        if (end != null) {
            sql = sql.param("end", Timestamp.from(end));
        }
        if (filter.jobId() != null) {
            sql = sql.param("job", filter.jobId());
        }
        return sql;
    }
}
