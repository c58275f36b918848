package io.thingseeportal.audit;

import io.thingseeportal.sql.SearchPattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's rows: added, never changed; read per tenant (an admin's) or over all (an operator's). */
@Repository
class AuditStore {

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(@Nullable Long tenantId, Instant at, Actor actor, AuditAction action, String subject, String details) {
        jdbc.sql("INSERT INTO audit_event (tenant_id, occurred_at, actor_subject, actor_name, actor_role, action,"
                        + " subject, details, source_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        Timestamp.from(at),
                        cut(actor.subject(), 255),
                        cut(actor.name(), 200),
                        actor.role(),
                        action.name(),
                        cut(subject, 255),
                        cut(details, 2000),
                        actor.address() == null ? null : cut(actor.address(), 64))
                .update();
    }

    /**
     * @param tenantId the admin's tenant, or null for an operator, who sees every tenant's and may choose one with
     *     the filter
     */
    List<AuditEntry> find(@Nullable Long tenantId, AuditFilter filter, int offset, int limit) {
        return where(
                        jdbc.sql("SELECT e.*, t.slug FROM audit_event e LEFT JOIN tenant t ON t.id = e.tenant_id"
                                + conditions(tenantId, filter)
                                + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit OFFSET :offset"),
                        tenantId,
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditStore::entry)
                .list();
    }

    /**
     * The next entries older than {@code after} (or the newest, when null), as {@link #find} orders them: keyed, so
     * that an export whose pages are read while people work neither repeats nor skips an entry.
     */
    List<AuditEntry> pageAfter(@Nullable Long tenantId, AuditFilter filter, @Nullable AuditEntry after, int limit) {
        var sql = jdbc.sql("SELECT e.*, t.slug FROM audit_event e LEFT JOIN tenant t ON t.id = e.tenant_id"
                + conditions(tenantId, filter)
                + (after == null ? "" : " AND (e.occurred_at < :at OR (e.occurred_at = :at AND e.id < :id))")
                + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit");
        if (after != null) {
            sql = sql.param("at", Timestamp.from(after.occurredAt())).param("id", after.id());
        }
        return where(sql, tenantId, filter)
                .param("limit", limit)
                .query(AuditStore::entry)
                .list();
    }

    long count(@Nullable Long tenantId, AuditFilter filter) {
        return where(
                        jdbc.sql("SELECT count(*) FROM audit_event e LEFT JOIN tenant t ON t.id = e.tenant_id"
                                + conditions(tenantId, filter)),
                        tenantId,
                        filter)
                .query(Long.class)
                .single();
    }

    private static String conditions(@Nullable Long tenantId, AuditFilter filter) {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (tenantId != null) {
            where.append(" AND e.tenant_id = :tenant");
        } else if (filter.tenant() != null) {
            where.append(" AND t.slug = :slug");
        }
        if (filter.action() != null) {
            where.append(" AND e.action = :action");
        }
        if (filter.person() != null) {
            where.append(" AND (lower(e.actor_name) LIKE :person ESCAPE '\\'"
                    + " OR lower(e.actor_subject) LIKE :person ESCAPE '\\')");
        }
        if (filter.subject() != null) {
            where.append(" AND lower(e.subject) LIKE :subject ESCAPE '\\'");
        }
        if (filter.start() != null) {
            where.append(" AND e.occurred_at >= :start");
        }
        if (filter.end() != null) {
            where.append(" AND e.occurred_at < :end");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec where(
            JdbcClient.StatementSpec sql, @Nullable Long tenantId, AuditFilter filter) {
        if (tenantId != null) {
            sql = sql.param("tenant", tenantId);
        } else if (filter.tenant() != null) {
            sql = sql.param("slug", filter.tenant());
        }
        if (filter.action() != null) {
            sql = sql.param("action", filter.action().name());
        }
        if (filter.person() != null) {
            sql = sql.param("person", SearchPattern.contains(filter.person()));
        }
        if (filter.subject() != null) {
            sql = sql.param("subject", SearchPattern.contains(filter.subject()));
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

    private static AuditEntry entry(ResultSet row, int number) throws SQLException {
        return new AuditEntry(
                row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("slug"),
                row.getString("actor_subject"),
                row.getString("actor_name"),
                row.getString("actor_role"),
                AuditAction.valueOf(row.getString("action")),
                row.getString("subject"),
                row.getString("details"),
                row.getString("source_address"));
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** Who did it, in which role, from which address. */
    record Actor(
            String subject,
            String name,
            @Nullable String role,
            @Nullable String address) {}
}
