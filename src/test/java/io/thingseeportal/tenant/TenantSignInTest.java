package io.thingseeportal.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.MutableClock;
import io.thingseeportal.TestData;
import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.OidcProperties;
import io.thingseeportal.security.SignInTenants.SeenUser;
import io.thingseeportal.security.TenantIdentityProvider;
import io.thingseeportal.security.TestOidc;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** Each tenant's identity provider lives in the database, its secret sealed; the settings only seed a tenant's first. */
class TenantSignInTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantRepository tenants;

    @Autowired
    IdentityProviderStore providers;

    @Autowired
    SeenUserStore seen;

    @Autowired
    SecretBox secrets;

    final MockEnvironment environment = new MockEnvironment();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    final String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    long tenantId;
    String slug;
    TenantSignIn signIn;

    @BeforeEach
    void aTenantWithSeedSettings() {
        environment.setProperty("portal.demo.idp.second-issuer", "http://192.168.1.20:9001");
        tenantId = TestData.tenant(jdbc, "Seeded Oy");
        slug = TestData.slug(jdbc, tenantId);
        var seed = new OidcProperties.TenantSeed(
                "${portal.demo.idp.second-issuer}",
                "seeded-portal",
                "seeded-oidc-secret-4711",
                List.of("openid", "email"),
                "groups",
                Map.of("portal-admins", "ADMIN"),
                List.of(domain.toUpperCase()));
        var oidc = TestOidc.settings("sso", URI.create("http://idp.test"), Map.of(slug, seed));
        signIn = new TenantSignIn(tenants, providers, seen, secrets, oidc, clock, environment);
    }

    @Test
    void a_tenant_without_a_row_gets_one_from_its_settings_with_the_secret_sealed() {
        TenantIdentityProvider provider = signIn.identityProvider(slug).orElseThrow();

        assertThat(provider.clientId()).isEqualTo("seeded-portal");
        assertThat(provider.clientSecret()).isEqualTo("seeded-oidc-secret-4711");
        assertThat(provider.scopes()).containsExactly("openid", "email");
        assertThat(provider.roleClaim()).isEqualTo("groups");
        assertThat(provider.roleMapping().entries()).containsEntry("portal-admins", "ADMIN");
        assertThat(provider.emailDomains()).containsExactly(domain);
        String stored = column("client_secret");
        assertThat(stored).doesNotContain("seeded-oidc-secret").doesNotContain("4711");
        assertThat(secrets.open(stored, TenantSignIn.place(tenantId))).isEqualTo("seeded-oidc-secret-4711");
    }

    @Test
    void a_placeholder_in_the_issuer_is_kept_in_the_row_and_resolved_at_each_sign_in() {
        assertThat(signIn.identityProvider(slug).orElseThrow().issuerUri())
                .isEqualTo(URI.create("http://192.168.1.20:9001"));
        assertThat(column("issuer_uri")).isEqualTo("${portal.demo.idp.second-issuer}");

        environment.setProperty("portal.demo.idp.second-issuer", "http://10.0.0.7:9001");

        assertThat(signIn.identityProvider(slug).orElseThrow().issuerUri())
                .isEqualTo(URI.create("http://10.0.0.7:9001"));
    }

    @Test
    void once_a_tenant_has_a_row_the_row_counts_and_a_change_to_it_is_read_at_the_next_sign_in() {
        signIn.identityProvider(slug);

        jdbc.sql("UPDATE tenant_identity_provider SET client_id = 'changed-portal' WHERE tenant_id = ?")
                .param(tenantId)
                .update();

        assertThat(signIn.identityProvider(slug).orElseThrow().clientId()).isEqualTo("changed-portal");
    }

    @Test
    void a_tenant_without_a_row_or_settings_has_no_provider_and_is_not_offered() {
        long other = TestData.tenant(jdbc, "Unconfigured Oy");

        assertThat(signIn.identityProvider(TestData.slug(jdbc, other))).isEmpty();
        assertThat(signIn.listForSignIn()).extracting(tenant -> tenant.id()).doesNotContain(other);
    }

    @Test
    void a_seeded_tenant_is_offered_and_found_by_its_email_domain_before_its_first_sign_in() {
        assertThat(signIn.listForSignIn()).extracting(tenant -> tenant.id()).contains(tenantId);
        assertThat(signIn.findByEmailDomain(domain))
                .hasValueSatisfying(tenant -> assertThat(tenant.id()).isEqualTo(tenantId));
        assertThat(signIn.findByEmailDomain("elsewhere.example")).isEmpty();
    }

    @Test
    void the_admin_to_ask_is_the_admin_who_signed_in_last() {
        signIn.recordSignIn(tenantId, new SeenUser("s-1", "Aino Virtanen", "aino@seeded.example", AppRoles.ADMIN));
        clock.advance(Duration.ofMinutes(5));
        signIn.recordSignIn(tenantId, new SeenUser("s-2", "Britt Lindqvist", null, AppRoles.ADMIN));
        clock.advance(Duration.ofMinutes(5));
        signIn.recordSignIn(tenantId, new SeenUser("s-3", "Gustav Berg", "gustav@seeded.example", null));

        assertThat(signIn.adminToAsk(tenantId)).contains("Britt Lindqvist");

        clock.advance(Duration.ofMinutes(5));
        signIn.recordSignIn(tenantId, new SeenUser("s-1", "Aino Virtanen", "aino@seeded.example", AppRoles.ADMIN));

        assertThat(signIn.adminToAsk(tenantId)).contains("Aino Virtanen (aino@seeded.example)");
    }

    @Test
    void a_person_seen_again_keeps_one_row_with_their_latest_role_and_time() {
        signIn.recordSignIn(tenantId, new SeenUser("s-1", "Gustav Berg", null, null));
        clock.advance(Duration.ofDays(1));
        signIn.recordSignIn(tenantId, new SeenUser("s-1", "Gustav Berg", null, AppRoles.VIEWER));

        assertThat(jdbc.sql("SELECT role, first_seen_at, last_sign_in_at FROM tenant_user WHERE tenant_id = ?")
                        .param(tenantId)
                        .query((row, number) -> row.getString("role") + " "
                                + row.getTimestamp("first_seen_at").toInstant() + " "
                                + row.getTimestamp("last_sign_in_at").toInstant())
                        .list())
                .containsExactly("VIEWER 2026-12-04T12:00:00Z 2026-12-05T12:00:00Z");
    }

    private String column(String name) {
        return jdbc.sql("SELECT " + name + " FROM tenant_identity_provider WHERE tenant_id = ?")
                .param(tenantId)
                .query(String.class)
                .single();
    }
}
