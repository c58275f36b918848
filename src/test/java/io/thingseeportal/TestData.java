package io.thingseeportal;

import io.thingseeportal.thingsee.StreamSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small factories for rows the tests need, each with unique keys so that tests sharing a database never collide. */
public final class TestData {

    private TestData() {}

    public static long tenant(JdbcClient jdbc, String name) {
        String slug = "t-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES (?, ?, ?)")
                .params(slug, name, now())
                .update();
        return jdbc.sql("SELECT id FROM tenant WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
    }

    /** The tenant's sign-in id (its slug), which {@link #tenant} made up. */
    public static String slug(JdbcClient jdbc, long tenantId) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .single();
    }

    /**
     * Gives the tenant an identity provider whose users' roles are in a {@code roles} claim. Its secret is not sealed:
     * only a sign-in opens it, and tests that sign in store a provider through the service.
     */
    public static void identityProvider(JdbcClient jdbc, long tenantId, String... emailDomains) {
        jdbc.sql("INSERT INTO tenant_identity_provider (tenant_id, issuer_uri, client_id, client_secret, scopes,"
                        + " role_claim, role_mapping, email_domains, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        "http://127.0.0.1:1/unused",
                        "portal",
                        "test:not-sealed",
                        "openid",
                        "roles",
                        "",
                        String.join("\n", emailDomains),
                        now())
                .update();
    }

    public static void group(JdbcClient jdbc, long tenantId) {
        jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, created_at, last_activity_at) VALUES (?, ?, ?, ?)")
                .params(tenantId, "prfi00g" + UUID.randomUUID().toString().substring(0, 8), now(), now())
                .update();
    }

    public static void device(JdbcClient jdbc, long tenantId) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at) VALUES (?, ?, ?)")
                .params(tenantId, "TSPR04" + UUID.randomUUID().toString().substring(0, 8), now())
                .update();
    }

    public static void command(JdbcClient jdbc, long tenantId, boolean echoed) {
        jdbc.sql("INSERT INTO device_command (tenant_id, tuid, tsm_id, tsm_ev, transaction_id, state, request,"
                        + " created_by, created_by_name, created_at, sent_at, echoed_at, updated_at)"
                        + " VALUES (?, 'TSPR04X', 1500, 30, nextval('device_command_transaction_id'), ?, '{}',"
                        + " 'test', 'Test', ?, ?, ?, ?)")
                .params(tenantId, echoed ? "CONFIRMED" : "SENT", now(), now(), echoed ? now() : null, now())
                .update();
    }

    /** A group with the given full id. */
    public static void group(JdbcClient jdbc, long tenantId, String groupId) {
        jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, created_at, last_activity_at) VALUES (?, ?, ?, ?)")
                .params(tenantId, groupId, now(), now())
                .update();
    }

    /** A device in the group (null: Thingsee's unassigned), with what Thingsee last told of it. */
    public static void device(
            JdbcClient jdbc,
            long tenantId,
            String tuid,
            @Nullable String groupId,
            @Nullable String productType,
            @Nullable Integer batteryLevel,
            @Nullable Instant lastSeen) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, group_id, product_type, battery_level, last_seen)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        tuid,
                        now(),
                        groupId,
                        productType,
                        batteryLevel,
                        lastSeen == null ? null : Timestamp.from(lastSeen))
                .update();
    }

    /** A device in the group, nothing else known of it. */
    public static void device(JdbcClient jdbc, long tenantId, String tuid, @Nullable String groupId) {
        device(jdbc, tenantId, tuid, groupId, null, null, null);
    }

    /** An asset of the tenant under {@code parentId} (null: a site); returns its id. */
    public static long asset(JdbcClient jdbc, long tenantId, @Nullable Long parentId, String kind, String name) {
        jdbc.sql("INSERT INTO asset (tenant_id, parent_id, kind, name, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(tenantId, parentId, kind, name, now())
                .update();
        return jdbc.sql("SELECT max(id) FROM asset WHERE tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    /** The tenant's audit log, oldest first, each entry as "ACTION subject: details". */
    public static java.util.List<String> audit(JdbcClient jdbc, long tenantId) {
        return jdbc.sql("SELECT action, subject, details FROM audit_event WHERE tenant_id = ? ORDER BY id")
                .param(tenantId)
                .query((row, number) ->
                        row.getString("action") + " " + row.getString("subject") + ": " + row.getString("details"))
                .list();
    }

    /** A tenant's data stream as an operator saves it: no shared group, no certificate files (the flags are not read). */
    public static StreamSettings stream(boolean enabled, String brokerUrl, String username, String... topicFilters) {
        return new StreamSettings(
                enabled,
                brokerUrl,
                username,
                List.of(topicFilters),
                "",
                "",
                "PKCS12",
                "",
                "PKCS12",
                false,
                false,
                false);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
