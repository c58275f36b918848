package io.thingseeportal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.TestPostgres;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.util.List;
import java.util.Map;
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
 * A tenant's Thingsee client secret, once in use, is in PostgreSQL only sealed: no text column of any table holds the
 * plain secret, and the log of its use (the Thingsee calls at DEBUG included) never shows it.
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
