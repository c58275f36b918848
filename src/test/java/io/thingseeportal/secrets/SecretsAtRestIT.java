package io.thingseeportal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.TestPostgres;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.security.SignInTenants;
import io.thingseeportal.tenant.IdentityProviderSettings;
import io.thingseeportal.tenant.NewTenant;
import io.thingseeportal.tenant.TenantAdministration;
import io.thingseeportal.thingsee.ConfiguredStreams;
import io.thingseeportal.thingsee.StreamSettings;
import io.thingseeportal.thingsee.TenantStreamSettings;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeProperties;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A tenant's secrets (its Thingsee client secret, its identity provider's client secret, its data stream's passwords),
 * once in use, are in
 * PostgreSQL only sealed: no text column of any table holds the plain secret, and the log of its use (the Thingsee
 * calls at DEBUG included) never shows it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.thingseeportal=DEBUG")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIT {

    static final String DATABASE = TestPostgres.freshDatabase("portal_secrets_at_rest_it");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    @Value("${portal.thingsee.tenants.acme.client-secret}")
    String plainSecret;

    @Autowired
    ThingseeStacks stacks;

    @Autowired
    ThingseeClient thingsee;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantAdministration administration;

    @Autowired
    SignInTenants signIn;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    TenantStreamSettings streamSettings;

    @Autowired
    ConfiguredStreams configuredStreams;

    @Test
    void a_tenants_thingsee_secret_in_use_is_stored_sealed_and_never_logged(CapturedOutput output) {
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP)"
                        + " ON CONFLICT DO NOTHING")
                .update();

        // A client-token call with the stored credentials, then a call with its token: the secret was used.
        assertThat(thingsee.listGroups(stacks.require("acme"))).isNotNull();

        assertThat(jdbc.sql("SELECT count(*) FROM tenant_thingsee")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(columnsHolding(plainSecret)).isEmpty();
        assertThat(output.getAll()).contains("client-token").doesNotContain(plainSecret);
    }

    @Test
    void a_tenants_identity_provider_secret_saved_by_an_operator_and_read_at_sign_in_is_stored_sealed_and_never_logged(
            CapturedOutput output) {
        String oidcSecret = "oidc-secret-" + java.util.UUID.randomUUID();
        var operator = new PortalUser("otto", "Otto", Set.of(AppRoles.OPERATOR), null, null, null);
        long tenantId = currentUser.runAs(operator, () -> {
            long id = administration
                    .create(new NewTenant("cumulus", "Cumulus Logistics", null))
                    .id();
            administration.saveIdentityProvider(
                    id,
                    new IdentityProviderSettings(
                            "https://login.cumulus.example", "portal", "openid", "groups", "admins=ADMIN", "", false),
                    oidcSecret);
            return id;
        });

        assertThat(signIn.identityProvider("cumulus").orElseThrow().clientSecret())
                .isEqualTo(oidcSecret);
        assertThat(tenantId).isPositive();
        assertThat(columnsHolding(oidcSecret)).isEmpty();
        assertThat(output.getAll()).doesNotContain(oidcSecret);
    }

    @Test
    void
            a_tenants_data_stream_passwords_saved_by_an_operator_and_read_for_the_stream_are_stored_sealed_and_never_logged(
                    CapturedOutput output) {
        String brokerPassword = "broker-secret-" + java.util.UUID.randomUUID();
        String keyStorePassword = "key-store-secret-" + java.util.UUID.randomUUID();
        var operator = new PortalUser("otto", "Otto", Set.of(AppRoles.OPERATOR), null, null, null);
        currentUser.runAs(operator, () -> {
            long id = administration
                    .create(new NewTenant("nimbus", "Nimbus Freight", null))
                    .id();
            streamSettings.save(
                    id,
                    new StreamSettings(
                            true,
                            "ssl://broker.nimbus.example:8883",
                            "nimbus",
                            List.of("nimbus/cloudext/json/#"),
                            "",
                            "/etc/portal/nimbus.p12",
                            "PKCS12",
                            "",
                            "PKCS12",
                            false,
                            false,
                            false),
                    new TenantStreamSettings.NewPasswords(brokerPassword, keyStorePassword, null));
            return null;
        });

        ThingseeProperties.Stream stream = configuredStreams.enabled().stream()
                .filter(configured -> configured.tenant().equals("nimbus"))
                .findFirst()
                .orElseThrow()
                .stream();
        assertThat(stream.password()).isEqualTo(brokerPassword);
        assertThat(stream.tls().keyStorePassword()).isEqualTo(keyStorePassword);
        assertThat(columnsHolding(brokerPassword)).isEmpty();
        assertThat(columnsHolding(keyStorePassword)).isEmpty();
        assertThat(output.getAll()).doesNotContain(brokerPassword).doesNotContain(keyStorePassword);
    }

    /** Every text column of every table of the portal's schema that holds the text anywhere in a value. */
    private List<String> columnsHolding(String text) {
        List<Map<String, Object>> columns = jdbc.sql(
                        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
                                + " AND data_type IN ('text', 'character varying', 'character')")
                .query()
                .listOfRows();
        assertThat(columns).as("text columns of the schema").hasSizeGreaterThan(20);
        return columns.stream()
                .map(column -> column.get("table_name") + "." + column.get("column_name"))
                .filter(column -> {
                    String[] parts = column.split("\\.");
                    return jdbc.sql("SELECT count(*) FROM \"" + parts[0] + "\" WHERE \"" + parts[1] + "\" LIKE ?")
                                    .param("%" + text + "%")
                                    .query(Long.class)
                                    .single()
                            > 0;
                })
                .toList();
    }
}
