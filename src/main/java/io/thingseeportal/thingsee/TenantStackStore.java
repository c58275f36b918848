package io.thingseeportal.thingsee;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenants' Thingsee stacks as kept in {@code tenant_thingsee}; the client secret only sealed. */
@Repository
class TenantStackStore {

    /** A tenant's row: its stack's base URL as written (it may name {@code ${local.server.port}}). */
    record StoredStack(long tenantId, String baseUrl, String clientId, String sealedSecret) {

        @Override
        public String toString() {
            return "StoredStack[tenantId=" + tenantId + ", baseUrl=" + baseUrl + ", clientId=" + clientId
                    + ", sealedSecret=***]";
        }
    }

    private final JdbcClient jdbc;

    TenantStackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredStack> find(String tenantSlug) {
        return jdbc.sql("SELECT s.tenant_id, s.base_url, s.client_id, s.client_secret FROM tenant_thingsee s"
                        + " JOIN tenant t ON t.id = s.tenant_id WHERE t.slug = ?")
                .param(tenantSlug)
                .query(TenantStackStore::stack)
                .optional();
    }

    private static StoredStack stack(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new StoredStack(
                row.getLong("tenant_id"),
                row.getString("base_url"),
                row.getString("client_id"),
                row.getString("client_secret"));
    }

    Optional<String> slug(long tenantId) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .optional();
    }

    Optional<Long> tenantId(String tenantSlug) {
        return jdbc.sql("SELECT id FROM tenant WHERE slug = ?")
                .param(tenantSlug)
                .query(Long.class)
                .optional();
    }

    /** A tenant's row by its id. */
    Optional<StoredStack> find(long tenantId) {
        return jdbc.sql("SELECT tenant_id, base_url, client_id, client_secret FROM tenant_thingsee WHERE tenant_id = ?")
                .param(tenantId)
                .query(TenantStackStore::stack)
                .optional();
    }

    /** Stores a tenant's stack, replacing the one it had. */
    void save(StoredStack stack, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE tenant_thingsee SET base_url = ?, client_id = ?, client_secret = ?, updated_at = ?"
                                + " WHERE tenant_id = ?")
                .params(stack.baseUrl(), stack.clientId(), stack.sealedSecret(), Timestamp.from(now), stack.tenantId())
                .update();
        if (updated == 0) {
            insertIfAbsent(stack.tenantId(), stack.baseUrl(), stack.clientId(), stack.sealedSecret(), now);
        }
    }

    /** Replaces the sealed secret, unless another node replaced it meanwhile. */
    void reseal(long tenantId, String sealedBefore, String sealedNow, Instant now) {
        jdbc.sql("UPDATE tenant_thingsee SET client_secret = ?, updated_at = ? WHERE tenant_id = ?"
                        + " AND client_secret = ?")
                .params(sealedNow, Timestamp.from(now), tenantId, sealedBefore)
                .update();
    }

    /** Stores a tenant's first stack, unless another node stored one meanwhile. */
    void insertIfAbsent(long tenantId, String baseUrl, String clientId, String sealedSecret, Instant now) {
        jdbc.sql("INSERT INTO tenant_thingsee (tenant_id, base_url, client_id, client_secret, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(tenantId, baseUrl, clientId, sealedSecret, Timestamp.from(now))
                .update();
    }
}
