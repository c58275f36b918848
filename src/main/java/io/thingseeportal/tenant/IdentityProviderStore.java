package io.thingseeportal.tenant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenants' own identity providers as kept in {@code tenant_identity_provider}; the client secret only sealed. */
@Repository
class IdentityProviderStore {

    /** A tenant's row; lists are kept one item per line. */
    record StoredProvider(
            long tenantId,
            String issuerUri,
            String clientId,
            String sealedSecret,
            String scopes,
            String roleClaim,
            String roleMapping,
            String emailDomains) {

        @Override
        public String toString() {
            return "StoredProvider[tenantId=" + tenantId + ", issuerUri=" + issuerUri + ", clientId=" + clientId
                    + ", sealedSecret=***]";
        }
    }

    private static final String COLUMNS =
            "p.tenant_id, p.issuer_uri, p.client_id, p.client_secret, p.scopes, p.role_claim, p.role_mapping,"
                    + " p.email_domains";

    private final JdbcClient jdbc;

    IdentityProviderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredProvider> find(long tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_identity_provider p WHERE p.tenant_id = ?")
                .param(tenantId)
                .query((row, number) -> new StoredProvider(
                        row.getLong("tenant_id"),
                        row.getString("issuer_uri"),
                        row.getString("client_id"),
                        row.getString("client_secret"),
                        row.getString("scopes"),
                        row.getString("role_claim"),
                        row.getString("role_mapping"),
                        row.getString("email_domains")))
                .optional();
    }

    /** The ids of the tenants that have a provider. */
    List<Long> tenantsWithProvider() {
        return jdbc.sql("SELECT tenant_id FROM tenant_identity_provider")
                .query(Long.class)
                .list();
    }

    /** The ids of the tenants that list this e-mail domain (lower case) among their allowed ones. */
    List<Long> tenantsAllowing(String emailDomain) {
        return jdbc
                .sql("SELECT tenant_id, email_domains FROM tenant_identity_provider")
                .query((row, number) -> row.getString("email_domains").lines().anyMatch(emailDomain::equals)
                        ? row.getLong("tenant_id")
                        : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Stores a tenant's first provider, unless another node stored one meanwhile. */
    void insertIfAbsent(StoredProvider provider, Instant now) {
        jdbc.sql("INSERT INTO tenant_identity_provider (tenant_id, issuer_uri, client_id, client_secret, scopes,"
                        + " role_claim, role_mapping, email_domains, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(
                        provider.tenantId(),
                        provider.issuerUri(),
                        provider.clientId(),
                        provider.sealedSecret(),
                        provider.scopes(),
                        provider.roleClaim(),
                        provider.roleMapping(),
                        provider.emailDomains(),
                        Timestamp.from(now))
                .update();
    }

    /** Stores a tenant's provider, replacing the one it had. */
    void save(StoredProvider provider, Instant now) {
        int updated = jdbc.sql("UPDATE tenant_identity_provider SET issuer_uri = ?, client_id = ?, client_secret = ?,"
                        + " scopes = ?, role_claim = ?, role_mapping = ?, email_domains = ?, updated_at = ?"
                        + " WHERE tenant_id = ?")
                .params(
                        provider.issuerUri(),
                        provider.clientId(),
                        provider.sealedSecret(),
                        provider.scopes(),
                        provider.roleClaim(),
                        provider.roleMapping(),
                        provider.emailDomains(),
                        Timestamp.from(now),
                        provider.tenantId())
                .update();
        if (updated == 0) {
            insertIfAbsent(provider, now);
        }
    }

    /** Replaces the sealed secret, unless another node replaced it meanwhile. */
    void reseal(long tenantId, String sealedBefore, String sealedNow, Instant now) {
        jdbc.sql("UPDATE tenant_identity_provider SET client_secret = ?, updated_at = ? WHERE tenant_id = ?"
                        + " AND client_secret = ?")
                .params(sealedNow, Timestamp.from(now), tenantId, sealedBefore)
                .update();
    }
}
