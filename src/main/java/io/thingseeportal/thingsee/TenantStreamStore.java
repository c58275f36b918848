package io.thingseeportal.thingsee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenants' data streams as kept in {@code tenant_stream}; the passwords only sealed. */
@Repository
class TenantStreamStore {

    /** A sealed password's column. */
    enum Sealed {
        PASSWORD("password", "stream-password"),
        KEY_STORE_PASSWORD("key_store_password", "stream-key-store-password"),
        TRUST_STORE_PASSWORD("trust_store_password", "stream-trust-store-password");

        private final String column;
        private final String name;

        Sealed(String column, String name) {
            this.column = column;
            this.name = name;
        }

        /** Where the tenant's password is sealed for (see {@code SecretBox#seal}). */
        String place(long tenantId) {
            return "tenant/" + tenantId + "/" + name;
        }
    }

    /** A tenant's row. */
    record StoredStream(
            long tenantId,
            String slug,
            boolean enabled,
            String brokerUrl,
            @Nullable String username,
            @Nullable String sealedPassword,
            List<String> topicFilters,
            @Nullable String sharedGroup,
            @Nullable String keyStore,
            @Nullable String sealedKeyStorePassword,
            String keyStoreType,
            @Nullable String trustStore,
            @Nullable String sealedTrustStorePassword,
            String trustStoreType) {

        StoredStream {
            topicFilters = List.copyOf(topicFilters);
        }

        @Nullable
        String sealed(Sealed which) {
            return switch (which) {
                case PASSWORD -> sealedPassword;
                case KEY_STORE_PASSWORD -> sealedKeyStorePassword;
                case TRUST_STORE_PASSWORD -> sealedTrustStorePassword;
            };
        }

        @Override
        public String toString() {
            return "StoredStream[tenant=" + slug + ", enabled=" + enabled + ", brokerUrl=" + brokerUrl + ", username="
                    + username + ", topicFilters=" + topicFilters + ", sharedGroup=" + sharedGroup + ", keyStore="
                    + keyStore + ", trustStore=" + trustStore + ", passwords=***]";
        }
    }

    private static final String COLUMNS = "s.tenant_id, t.slug, s.enabled, s.broker_url, s.username, s.password,"
            + " s.topic_filters, s.shared_group, s.key_store, s.key_store_password, s.key_store_type, s.trust_store,"
            + " s.trust_store_password, s.trust_store_type FROM tenant_stream s JOIN tenant t ON t.id = s.tenant_id";

    private final JdbcClient jdbc;

    TenantStreamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredStream> find(long tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE s.tenant_id = ?")
                .param(tenantId)
                .query(TenantStreamStore::stream)
                .optional();
    }

    /** Every tenant's row, by short name. */
    List<StoredStream> all() {
        return jdbc.sql("SELECT " + COLUMNS + " ORDER BY t.slug")
                .query(TenantStreamStore::stream)
                .list();
    }

    Optional<Long> tenantId(String tenantSlug) {
        return jdbc.sql("SELECT id FROM tenant WHERE slug = ?")
                .param(tenantSlug)
                .query(Long.class)
                .optional();
    }

    Optional<String> slug(long tenantId) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .optional();
    }

    /** Stores a tenant's stream, replacing the one it had. */
    void save(StoredStream stream, Instant now) {
        int updated = jdbc.sql("UPDATE tenant_stream SET enabled = ?, broker_url = ?, username = ?, password = ?,"
                        + " topic_filters = ?, shared_group = ?, key_store = ?, key_store_password = ?,"
                        + " key_store_type = ?, trust_store = ?, trust_store_password = ?, trust_store_type = ?,"
                        + " updated_at = ? WHERE tenant_id = ?")
                .params(values(stream, now))
                .update();
        if (updated == 0) {
            insertIfAbsent(stream, now);
        }
    }

    /** Stores a tenant's first stream, unless another node stored one meanwhile. */
    void insertIfAbsent(StoredStream stream, Instant now) {
        jdbc.sql("INSERT INTO tenant_stream (enabled, broker_url, username, password, topic_filters, shared_group,"
                        + " key_store, key_store_password, key_store_type, trust_store, trust_store_password,"
                        + " trust_store_type, updated_at, tenant_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(values(stream, now))
                .update();
    }

    /** The row's values in the order both statements name them, the tenant last. */
    private static List<Object> values(StoredStream stream, Instant now) {
        return Arrays.asList(
                stream.enabled(),
                stream.brokerUrl(),
                stream.username(),
                stream.sealedPassword(),
                String.join("\n", stream.topicFilters()),
                stream.sharedGroup(),
                stream.keyStore(),
                stream.sealedKeyStorePassword(),
                stream.keyStoreType(),
                stream.trustStore(),
                stream.sealedTrustStorePassword(),
                stream.trustStoreType(),
                Timestamp.from(now),
                stream.tenantId());
    }

    /** Replaces a sealed password, unless another node replaced it meanwhile. */
    void reseal(long tenantId, Sealed which, String sealedBefore, String sealedNow) {
        jdbc.sql("UPDATE tenant_stream SET " + which.column + " = ? WHERE tenant_id = ? AND " + which.column + " = ?")
                .params(sealedNow, tenantId, sealedBefore)
                .update();
    }

    private static StoredStream stream(ResultSet row, int number) throws SQLException {
        return new StoredStream(
                row.getLong("tenant_id"),
                row.getString("slug"),
                row.getBoolean("enabled"),
                row.getString("broker_url"),
                row.getString("username"),
                row.getString("password"),
                Arrays.stream(row.getString("topic_filters").split("\n"))
                        .filter(filter -> !filter.isBlank())
                        .toList(),
                row.getString("shared_group"),
                row.getString("key_store"),
                row.getString("key_store_password"),
                row.getString("key_store_type"),
                row.getString("trust_store"),
                row.getString("trust_store_password"),
                row.getString("trust_store_type"));
    }
}
