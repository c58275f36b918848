package io.thingseeportal.bench;

import io.thingseeportal.Application;
import io.thingseeportal.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The portal as the database benchmarks run it: the test profile, on a PostgreSQL database of its own. */
public final class BenchPortal {

    private BenchPortal() {}

    /** Drops and creates the database, then starts the portal on it on a random port. */
    public static ConfigurableApplicationContext startOn(String database) {
        String url = TestPostgres.freshDatabase(database);
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        // Arguments, not default properties: they must win over the test profile's H2.
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=" + TestPostgres.PASSWORD);
    }
}
