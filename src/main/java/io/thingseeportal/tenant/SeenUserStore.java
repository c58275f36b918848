package io.thingseeportal.tenant;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.SignInTenants.SeenUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people seen at sign-in, per tenant ({@code tenant_user}). */
@Repository
class SeenUserStore {

    private final JdbcClient jdbc;

    SeenUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a sign-in: a new person is added, a known one gets their current name, address, role and time.
     *
     * @return the role the person had before ("" for none), or empty for someone new
     */
    Optional<String> record(long tenantId, SeenUser user, Instant now) {
        Optional<String> before = jdbc.sql(
                        "SELECT coalesce(role, '') FROM tenant_user WHERE tenant_id = ? AND subject = ?")
                .params(tenantId, user.subject())
                .query(String.class)
                .optional();
        int updated = jdbc.sql("UPDATE tenant_user SET name = ?, email = ?, role = ?, last_sign_in_at = ?"
                        + " WHERE tenant_id = ? AND subject = ?")
                .params(user.name(), user.email(), user.role(), Timestamp.from(now), tenantId, user.subject())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO tenant_user (tenant_id, subject, name, email, role, first_seen_at, last_sign_in_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(
                            tenantId,
                            user.subject(),
                            user.name(),
                            user.email(),
                            user.role(),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        }
        return before;
    }

    /** Everyone seen at the tenant's sign-in, who signed in last first. */
    java.util.List<io.thingseeportal.tenant.SeenUser> list(long tenantId) {
        return jdbc.sql("SELECT subject, name, email, role, first_seen_at, last_sign_in_at FROM tenant_user"
                        + " WHERE tenant_id = ?"
                        + " ORDER BY last_sign_in_at DESC, name")
                .param(tenantId)
                .query((row, number) -> new io.thingseeportal.tenant.SeenUser(
                        row.getString("subject"),
                        row.getString("name"),
                        row.getString("email"),
                        row.getString("role"),
                        row.getTimestamp("first_seen_at").toInstant(),
                        row.getTimestamp("last_sign_in_at").toInstant()))
                .list();
    }

    /** "Name (address)" of the admin who signed in last. */
    Optional<String> lastAdmin(long tenantId) {
        return jdbc.sql("SELECT name, email FROM tenant_user WHERE tenant_id = ? AND role = ?"
                        + " ORDER BY last_sign_in_at DESC LIMIT 1")
                .params(tenantId, AppRoles.ADMIN)
                .query((row, number) -> row.getString("email") == null
                        ? row.getString("name")
                        : row.getString("name") + " (" + row.getString("email") + ")")
                .optional();
    }
}
