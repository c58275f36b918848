package io.thingseeportal.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The temporary installer access admins granted, always of one tenant. */
@Repository
class InstallerGrantStore {

    private static final String SELECT =
            "SELECT g.id, g.subject, u.name AS person_name, g.site_id, a.name AS site_name,"
                    + " g.ends_at, g.granted_by_name, g.granted_at, g.ended_at FROM installer_grant g"
                    + " JOIN tenant_user u ON u.tenant_id = g.tenant_id AND u.subject = g.subject"
                    + " JOIN asset a ON a.id = g.site_id";

    private final JdbcClient jdbc;

    InstallerGrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, String subject, long siteId, Instant endsAt, String grantedByName, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO installer_grant (tenant_id, subject, site_id, ends_at, granted_by_name, granted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenantId, subject, siteId, Timestamp.from(endsAt), grantedByName, Timestamp.from(at))
                .update(key, "id");
        return java.util.Objects.requireNonNull(key.getKeyAs(Long.class), "the database gives the new grant's id");
    }

    /** Ends the grant now, if it held; whether it did. */
    boolean end(long tenantId, long id, Instant at) {
        return jdbc.sql("UPDATE installer_grant SET ended_at = ? WHERE tenant_id = ? AND id = ? AND ended_at IS NULL"
                                + " AND ends_at > ?")
                        .params(Timestamp.from(at), tenantId, id, Timestamp.from(at))
                        .update()
                > 0;
    }

    /** The grants that hold at the moment, of the site or (null) of every site, ending soonest first. */
    List<InstallerGrant> holding(long tenantId, @Nullable Long siteId, Instant now) {
        return jdbc.sql(SELECT + " WHERE g.tenant_id = :tenant AND g.ended_at IS NULL AND g.ends_at > :now"
                        + (siteId == null ? "" : " AND g.site_id = :site")
                        + " ORDER BY g.ends_at, g.id")
                .param("tenant", tenantId)
                .param("now", Timestamp.from(now))
                .params(siteId == null ? java.util.Map.of() : java.util.Map.of("site", siteId))
                .query(InstallerGrantStore::grant)
                .list();
    }

    /** The person's grant that holds the longest at the moment, if any. */
    Optional<InstallerGrant> holdingFor(long tenantId, String subject, Instant now) {
        return jdbc.sql(SELECT + " WHERE g.tenant_id = ? AND g.subject = ? AND g.ended_at IS NULL AND g.ends_at > ?"
                        + " ORDER BY g.ends_at DESC, g.id DESC LIMIT 1")
                .params(tenantId, subject, Timestamp.from(now))
                .query(InstallerGrantStore::grant)
                .optional();
    }

    /** The tenant's grant, if it holds at the moment. */
    Optional<InstallerGrant> holdingGrant(long tenantId, long id, Instant now) {
        return jdbc.sql(SELECT + " WHERE g.tenant_id = ? AND g.id = ? AND g.ended_at IS NULL AND g.ends_at > ?")
                .params(tenantId, id, Timestamp.from(now))
                .query(InstallerGrantStore::grant)
                .optional();
    }

    /** Whether the person was seen at the tenant's sign-in: only they can be granted access. */
    boolean seen(long tenantId, String subject) {
        return jdbc.sql("SELECT count(*) FROM tenant_user WHERE tenant_id = ? AND subject = ?")
                        .params(tenantId, subject)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static InstallerGrant grant(ResultSet row, int number) throws SQLException {
        return new InstallerGrant(
                row.getLong("id"),
                row.getString("subject"),
                row.getString("person_name"),
                row.getLong("site_id"),
                row.getString("site_name"),
                row.getTimestamp("ends_at").toInstant(),
                row.getString("granted_by_name"),
                row.getTimestamp("granted_at").toInstant());
    }
}
