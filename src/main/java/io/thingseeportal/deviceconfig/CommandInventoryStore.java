package io.thingseeportal.deviceconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.device.SitePlaces;
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

    List<DeviceCommand> find(long tenantId, @Nullable Long site, CommandFilter filter, int offset, int limit) {
        return where(
                        jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command"
                                + conditions(filter, false, site) + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                        tenantId,
                        site,
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(rows::command)
                .list();
    }

    /** The next page after the command {@code beforeId} (or the first, when null): for reading all of them in pages. */
    List<DeviceCommand> page(
            long tenantId, @Nullable Long site, CommandFilter filter, @Nullable Long beforeId, int limit) {
        var sql = where(
                        jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command"
                                + conditions(filter, beforeId != null, site) + " ORDER BY id DESC LIMIT :limit"),
                        tenantId,
                        site,
                        filter)
                .param("limit", limit);
        if (beforeId != null) {
            sql = sql.param("before", beforeId);
        }
        return sql.query(rows::command).list();
    }

    long count(long tenantId, @Nullable Long site, CommandFilter filter) {
        return where(
                        jdbc.sql("SELECT count(*) FROM device_command" + conditions(filter, false, site)),
                        tenantId,
                        site,
                        filter)
                .query(Long.class)
                .single();
    }

    Optional<DeviceCommand> find(long tenantId, @Nullable Long site, long id) {
        return atSite(
                        jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command WHERE tenant_id = :tenant"
                                + " AND id = :id" + atSite(site)),
                        tenantId,
                        site)
                .param("id", id)
                .query(rows::command)
                .optional();
    }

    List<DeviceCommand> find(long tenantId, @Nullable Long site, Collection<Long> ids) {
        return atSite(
                        jdbc.sql("SELECT " + CommandRows.COLUMNS + " FROM device_command WHERE tenant_id = :tenant"
                                + " AND id IN (:ids)" + atSite(site)),
                        tenantId,
                        site)
                .param("ids", List.copyOf(ids))
                .query(rows::command)
                .list();
    }

    /** Who made commands: each subject with the name they had most recently. */
    Map<String, String> people(long tenantId, @Nullable Long site) {
        var people = new LinkedHashMap<String, String>();
        atSite(
                        jdbc.sql("SELECT created_by, created_by_name FROM device_command WHERE id IN (SELECT max(id)"
                                + " FROM device_command WHERE tenant_id = :tenant" + atSite(site)
                                + " GROUP BY created_by) ORDER BY created_by_name"),
                        tenantId,
                        site)
                .query((row, number) -> people.put(row.getString(1), row.getString(2)))
                .list();
        return people;
    }

    List<String> groups(long tenantId, @Nullable Long site) {
        return atSite(
                        jdbc.sql("SELECT DISTINCT group_id FROM device_command WHERE tenant_id = :tenant"
                                + " AND group_id IS NOT NULL" + atSite(site) + " ORDER BY group_id"),
                        tenantId,
                        site)
                .query(String.class)
                .list();
    }

    /** Within one site: the commands of the devices at it (for a person whose installer access is for it only). */
    private static String atSite(@Nullable Long site) {
        return site == null ? "" : " AND " + SitePlaces.TUID_AT_SITE;
    }

    private static JdbcClient.StatementSpec atSite(JdbcClient.StatementSpec sql, long tenantId, @Nullable Long site) {
        sql = sql.param("tenant", tenantId);
        return site == null ? sql : sql.param("site", site);
    }

    private static String conditions(CommandFilter filter, boolean before, @Nullable Long site) {
        var where = new StringBuilder(" WHERE tenant_id = :tenant").append(atSite(site));
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

    private static JdbcClient.StatementSpec where(
            JdbcClient.StatementSpec sql, long tenantId, @Nullable Long site, CommandFilter filter) {
        sql = atSite(sql, tenantId, site);
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
