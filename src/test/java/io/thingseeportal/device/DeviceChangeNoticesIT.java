package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.TestPostgres;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Portal nodes on one PostgreSQL database tell each other which devices changed, for their live views. */
@SpringBootTest
@ActiveProfiles("test")
class DeviceChangeNoticesIT {

    static final String DATABASE = TestPostgres.freshDatabase("portal_device_change_notices_it");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    @Autowired
    DeviceUpdates updates;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_change_another_node_announces_reaches_this_nodes_live_views() throws Exception {
        long tenantId = tenant();
        var heard = new CopyOnWriteArrayList<Set<String>>();
        var viewer = new PortalUser("v", "Veera", Set.of(AppRoles.VIEWER), tenantId, "acme", "Acme");
        var subscription = currentUser.runAs(viewer, () -> updates.subscribe(heard::add));
        try (Connection otherNode = DriverManager.getConnection(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD);
                Statement statement = otherNode.createStatement()) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                statement.execute("SELECT pg_notify('" + DeviceChangeNotices.CHANNEL + "', 'other-node|" + tenantId
                        + "|TSPR04NOTICE')");
                assertThat(heard).contains(Set.of("TSPR04NOTICE"));
            });
        } finally {
            subscription.remove();
        }
    }

    @Test
    void a_change_of_commands_another_node_announces_reaches_this_nodes_command_views_only_as_such() throws Exception {
        long tenantId = tenant();
        var heard = new CopyOnWriteArrayList<Set<String>>();
        var viewer = new PortalUser("v", "Veera", Set.of(AppRoles.VIEWER), tenantId, "acme", "Acme");
        var subscription = currentUser.runAs(viewer, () -> updates.subscribeToCommands(heard::add));
        try (Connection otherNode = DriverManager.getConnection(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD);
                Statement statement = otherNode.createStatement()) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                statement.execute("SELECT pg_notify('" + DeviceChangeNotices.CHANNEL + "', 'other-node|" + tenantId
                        + "|TSPR04REPORTED')");
                statement.execute("SELECT pg_notify('" + DeviceChangeNotices.COMMANDS_CHANNEL + "', 'other-node|"
                        + tenantId + "|TSPR04ECHOED')");
                assertThat(heard).contains(Set.of("TSPR04ECHOED"));
            });
            assertThat(heard).noneMatch(tuids -> tuids.contains("TSPR04REPORTED"));
        } finally {
            subscription.remove();
        }
    }

    @Test
    void a_change_of_this_node_is_announced_to_the_others() throws Exception {
        try (Connection otherNode = DriverManager.getConnection(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD)) {
            try (Statement statement = otherNode.createStatement()) {
                statement.execute("LISTEN " + DeviceChangeNotices.CHANNEL);
            }
            events.publishEvent(new DeviceStateChanged(7, Set.of("TSPR04MINE")));

            PGConnection notices = otherNode.unwrap(PGConnection.class);
            var received = new CopyOnWriteArrayList<String>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                take(notices, received, 200);
                assertThat(received).anyMatch(notice -> notice.endsWith("|7|TSPR04MINE"));
            });
        }
    }

    @Test
    void changes_of_this_node_made_together_are_announced_in_one_notice() throws Exception {
        try (Connection otherNode = DriverManager.getConnection(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD)) {
            try (Statement statement = otherNode.createStatement()) {
                statement.execute("LISTEN " + DeviceChangeNotices.COMMANDS_CHANNEL);
            }
            events.publishEvent(DeviceStateChanged.ofCommands(9, Set.of("TSPR04FIRST")));
            events.publishEvent(DeviceStateChanged.ofCommands(9, Set.of("TSPR04SECOND")));
            events.publishEvent(DeviceStateChanged.ofCommands(9, Set.of("TSPR04THIRD")));

            PGConnection notices = otherNode.unwrap(PGConnection.class);
            var received = new CopyOnWriteArrayList<String>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                take(notices, received, 200);
                assertThat(received).anyMatch(notice -> notice.contains("|9|"));
            });
            // Any further notice of these changes would have arrived by now.
            take(notices, received, 500);
            assertThat(received)
                    .filteredOn(notice -> notice.contains("|9|"))
                    .singleElement()
                    .satisfies(notice -> assertThat(notice.substring(notice.lastIndexOf('|') + 1)
                                    .split(","))
                            .containsExactlyInAnyOrder("TSPR04FIRST", "TSPR04SECOND", "TSPR04THIRD"));
        }
    }

    /** Adds the texts of the notices that arrive within the wait to the received ones. */
    private static void take(PGConnection notices, List<String> received, int waitMillis) throws SQLException {
        PGNotification[] arrived = notices.getNotifications(waitMillis);
        for (PGNotification notice : arrived == null ? new PGNotification[0] : arrived) {
            received.add(notice.getParameter());
        }
    }

    private long tenant() {
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP)"
                        + " ON CONFLICT DO NOTHING")
                .update();
        return jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
    }
}
