package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo keeps its data under its data directory: a restart finds everything as it was left. */
class DemoRestartIT {

    @Test
    void what_the_demo_stored_is_still_there_after_a_restart() throws IOException {
        Path data = Files.createTempDirectory("portal-demo-restart");

        long groups = run(data, jdbc -> {
            long acme = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                    .query(Long.class)
                    .single();
            jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, created_at, last_activity_at)"
                            + " VALUES (?, 'prfi00kept', now(), now())")
                    .param(acme)
                    .update();
            return count(jdbc);
        });
        long afterRestart = run(data, DemoRestartIT::count);

        assertThat(afterRestart).isEqualTo(groups).isEqualTo(1);
        assertThat(run(
                        data,
                        jdbc -> jdbc.sql("SELECT count(*) FROM tenant")
                                .query(Long.class)
                                .single()))
                .as("the demo tenants are seeded once")
                .isEqualTo(2);
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM deployment_group WHERE group_id = 'prfi00kept'")
                .query(Long.class)
                .single();
    }

    private static long run(Path data, Function<JdbcClient, Long> work) throws IOException {
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(Application.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--portal.demo.data-directory=" + data,
                        "--portal.demo.broker.port=" + FreePorts.next(),
                        "--portal.demo.idp.enabled=false")) {
            return work.apply(demo.getBean(JdbcClient.class));
        }
    }
}
