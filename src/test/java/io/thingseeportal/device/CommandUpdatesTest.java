package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Live changes of commands: views of commands hear of them only, not of every report of the devices. */
class CommandUpdatesTest extends KaribuTest {

    @Autowired
    CurrentUser currentUser;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DevicesProperties properties;

    DeviceUpdates updates;
    long tenantId;

    @BeforeEach
    void ownUpdates() {
        tenantId = TestData.tenant(jdbc, "Acme");
        updates = new DeviceUpdates(currentUser, properties);
        signIn("Aino", tenantId, AppRoles.VIEWER);
    }

    @AfterEach
    void stop() {
        updates.stop();
    }

    @Test
    void a_command_subscriber_hears_of_changes_of_commands_only() {
        List<Set<String>> heard = new CopyOnWriteArrayList<>();
        List<Set<String>> all = new CopyOnWriteArrayList<>();
        updates.subscribeToCommands(heard::add);
        updates.subscribe(all::add);

        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04REPORTED")));
        await().atMost(Duration.ofSeconds(5)).until(() -> all.size() == 1);
        updates.on(DeviceStateChanged.ofCommands(tenantId, Set.of("TSPR04ECHOED")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
        assertThat(heard).containsExactly(Set.of("TSPR04ECHOED"));
    }

    @Test
    void a_device_subscriber_learns_whether_its_commands_changed() {
        List<Boolean> heard = new CopyOnWriteArrayList<>();
        updates.subscribeWithCommands("TSPR04MINE", heard::add);

        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04MINE")));
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 1);
        updates.on(DeviceStateChanged.ofCommands(tenantId, Set.of("TSPR04MINE")));

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);
        assertThat(heard).containsExactly(false, true);
    }
}
