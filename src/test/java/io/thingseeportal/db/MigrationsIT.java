package io.thingseeportal.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.TestPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One set of migrations, portable: they run on the demo's H2 and on PostgreSQL, and keep every table tenant-owned. */
class MigrationsIT {

    @Test
    void the_migrations_and_the_demo_data_apply_to_an_empty_postgresql_database() {
        DataSource postgres = new DriverManagerDataSource(
                TestPostgres.freshDatabase("portal_migrations_it"), TestPostgres.USER, TestPostgres.PASSWORD);
        assertMigratesWithTenantsEverywhere(postgres, "public");
    }

    @Test
    void the_migrations_and_the_demo_data_apply_to_an_empty_h2_database_in_postgresql_mode() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        assertMigratesWithTenantsEverywhere(h2, "public");
    }

    private static void assertMigratesWithTenantsEverywhere(DataSource dataSource, String schema) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/demo")
                .load()
                .migrate();
        assertThat(result.success).isTrue();

        var jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT slug FROM tenant ORDER BY slug")
                        .query(String.class)
                        .list())
                .containsExactly("acme", "borealis");
        List<String> tables = jdbc.sql(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                                + " AND table_type IN ('BASE TABLE', 'TABLE') AND table_name NOT IN ('tenant', 'flyway_schema_history')")
                .param(schema)
                .query(String.class)
                .list();
        assertThat(tables).contains("deployment_group", "device", "device_command");
        for (String table : tables) {
            String nullable = jdbc.sql("SELECT is_nullable FROM information_schema.columns"
                            + " WHERE table_schema = ? AND table_name = ? AND column_name = 'tenant_id'")
                    .params(schema, table)
                    .query(String.class)
                    .optional()
                    .orElse("missing");
            // The audit log also keeps what belongs to no tenant (an operator's own sign-in); its readers filter by it.
            assertThat(nullable)
                    .as("tenant_id of table %s", table)
                    .isEqualTo(table.equals("audit_event") ? "YES" : "NO");
        }
    }
}
