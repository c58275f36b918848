package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.MutableClock;
import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.secrets.SecretsProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** Each tenant's Thingsee stack lives in the database, its secret sealed; the settings only seed a tenant's first. */
class ThingseeStacksTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantStackStore store;

    @Autowired
    SecretBox secrets;

    static final String NEW_KEY = java.util.Base64.getEncoder().encodeToString(new byte[16]);

    final MockEnvironment environment = new MockEnvironment();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    final String slug = "s-" + UUID.randomUUID().toString().substring(0, 8);
    long tenantId;
    ThingseeStacks stacks;

    @BeforeEach
    void aTenantWithThingseeSettings() {
        environment.setProperty("local.server.port", "8123");
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES (?, 'Stacked', CURRENT_TIMESTAMP)")
                .param(slug)
                .update();
        tenantId = jdbc.sql("SELECT id FROM tenant WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
        stacks = new ThingseeStacks(
                properties(Map.of(
                        slug,
                        new ThingseeProperties.Tenant(
                                "http://127.0.0.1:${local.server.port}/simulator/thingsee/v1",
                                "seeded-client",
                                "seeded-secret-4711",
                                null))),
                environment,
                store,
                secrets,
                clock);
    }

    @Test
    void a_tenant_without_a_row_gets_one_from_its_settings_with_the_secret_sealed() {
        ThingseeStack stack = stacks.forTenant(slug).orElseThrow();

        assertThat(stack.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8123/simulator/thingsee/v1/"));
        assertThat(stack.clientId()).isEqualTo("seeded-client");
        assertThat(stack.clientSecret()).isEqualTo("seeded-secret-4711");
        String stored = storedSecret();
        assertThat(stored).doesNotContain("seeded-secret").doesNotContain("4711");
        assertThat(secrets.open(stored, ThingseeStacks.place(tenantId))).isEqualTo("seeded-secret-4711");
    }

    @Test
    void once_a_tenant_has_a_row_the_row_counts_and_not_the_settings() {
        store.insertIfAbsent(
                tenantId,
                "https://stack.example/v1/",
                "stored-client",
                secrets.seal("stored-secret", ThingseeStacks.place(tenantId)),
                clock.instant());

        ThingseeStack stack = stacks.forTenant(slug).orElseThrow();

        assertThat(stack.baseUrl()).isEqualTo(URI.create("https://stack.example/v1/"));
        assertThat(stack.clientId()).isEqualTo("stored-client");
        assertThat(stack.clientSecret()).isEqualTo("stored-secret");
    }

    @Test
    void a_secret_sealed_with_a_previous_key_is_read_and_sealed_again_with_the_current_key() {
        String oldKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        var before = new SecretBox(new SecretsProperties(oldKey, "old", Map.of()));
        store.insertIfAbsent(
                tenantId,
                "https://stack.example/v1/",
                "stored-client",
                before.seal("stored-secret", ThingseeStacks.place(tenantId)),
                clock.instant());
        var rotated = new SecretBox(new SecretsProperties(NEW_KEY, "new", Map.of("old", oldKey)));
        stacks = new ThingseeStacks(properties(Map.of()), environment, store, rotated, clock);

        assertThat(stacks.forTenant(slug).orElseThrow().clientSecret()).isEqualTo("stored-secret");

        assertThat(storedSecret()).startsWith("new:");
        assertThat(rotated.open(storedSecret(), ThingseeStacks.place(tenantId))).isEqualTo("stored-secret");
    }

    @Test
    void a_changed_row_takes_effect_once_the_kept_stack_is_older_than_the_keep_time() {
        stacks.forTenant(slug).orElseThrow();
        jdbc.sql("UPDATE tenant_thingsee SET client_id = 'changed-client' WHERE tenant_id = ?")
                .param(tenantId)
                .update();

        clock.advance(ThingseeStacks.KEEP.minusSeconds(1));
        assertThat(stacks.forTenant(slug).orElseThrow().clientId()).isEqualTo("seeded-client");
        clock.advance(Duration.ofSeconds(2));
        assertThat(stacks.forTenant(slug).orElseThrow().clientId()).isEqualTo("changed-client");
    }

    @Test
    void a_tenant_with_neither_a_row_nor_settings_has_no_stack() {
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES (?, 'Bare', CURRENT_TIMESTAMP)")
                .param(slug + "-bare")
                .update();

        assertThat(stacks.forTenant(slug + "-bare")).isEmpty();
        assertThat(stacks.forTenant("no-such-tenant")).isEmpty();
    }

    @Test
    void the_secret_never_shows_in_text() {
        assertThat(stacks.forTenant(slug).orElseThrow().toString())
                .doesNotContain("seeded-secret")
                .contains("***");
        assertThat(store.find(slug).orElseThrow().toString()).doesNotContain(storedSecret());
    }

    private String storedSecret() {
        return jdbc.sql("SELECT client_secret FROM tenant_thingsee WHERE tenant_id = ?")
                .param(tenantId)
                .query(String.class)
                .single();
    }

    private static ThingseeProperties properties(Map<String, ThingseeProperties.Tenant> tenants) {
        return new ThingseeProperties(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                128,
                new ThingseeProperties.Retry(4, Duration.ofMillis(200), Duration.ofSeconds(10), 0.5),
                new ThingseeProperties.Token(Duration.ofMinutes(15), Duration.ofMinutes(1)),
                tenants);
    }
}
