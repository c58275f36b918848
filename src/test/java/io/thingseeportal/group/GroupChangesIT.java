package io.thingseeportal.group;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.SimulatorFaults;
import io.thingseeportal.TestData;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.device.DeviceService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeGroup;
import io.thingseeportal.thingsee.ThingseeStack;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Group changes end to end, as in production: the portal on real PostgreSQL, the live client over real HTTP against
 * the built-in simulator (a stack of 150 devices, no rate limit in the way), and the group page driven as an admin
 * would. Failures are injected through the simulator's control API, per device, so that exactly those devices fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupChangesIT extends KaribuTest {

    static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @DynamicPropertySource
    static void realDatabaseAndALargerFleet(DynamicPropertyRegistry registry) {
        String database = TestPostgres.freshDatabase("portal_group_changes_it");
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("portal.simulator.fleet-size", () -> "150");
        registry.add("portal.simulator.rate-limit", () -> "100000");
        // A device that fails keeps failing; shorter waits between the client's retries keep the test quick.
        registry.add("portal.thingsee.retry.initial-backoff", () -> "20ms");
    }

    @Autowired
    GroupService groups;

    @Autowired
    DeviceService devices;

    @Autowired
    ThingseeClient thingsee;

    @Autowired
    ThingseeStacks stacks;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    ThingseeStack stack;
    long tenantId;

    @BeforeEach
    void signInAsAcmesAdmin() {
        tenantId = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', ?)")
                            .param(Timestamp.from(Instant.now()))
                            .update();
                    return jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                            .query(Long.class)
                            .single();
                });
        signInTo("acme", tenantId, "Aino Virtanen", AppRoles.ADMIN);
        stack = stacks.forTenant("acme").orElseThrow();
    }

    @Test
    void a_group_is_created_renamed_and_deleted_in_thingsee_and_in_the_portal() throws Exception {
        GroupId id = GroupId.parse("prfi00it" + RUN);
        GroupId renamed = GroupId.parse("prfi00renamed" + RUN);

        groups.create(id, "Integration test");
        assertThat(thingsee.listGroups(stack)).contains(new ThingseeGroup(id.value(), "Integration test"));
        List<String> members = devicesInThingseeGroup(id, 3);

        assertThat(groups.rename(id, renamed).get(20, TimeUnit.SECONDS).id()).isEqualTo(renamed);
        assertThat(thingsee.listGroups(stack))
                .extracting(ThingseeGroup::groupId)
                .contains(renamed.value())
                .doesNotContain(id.value());
        assertThat(thingsee.listGroupDevices(stack, renamed.value())).containsExactlyInAnyOrderElementsOf(members);
        assertThat(devices.countGroupDevices(renamed.value())).isEqualTo(3);
        assertThat(groups.find(id)).isEmpty();

        long job = groups.delete(renamed).get(20, TimeUnit.SECONDS);
        var report = await().pollInSameThread()
                .atMost(Duration.ofSeconds(30))
                .until(() -> groups.report(job), Optional::isPresent)
                .orElseThrow();

        assertThat(report.groupDeleted()).isTrue();
        assertThat(thingsee.listGroups(stack))
                .extracting(ThingseeGroup::groupId)
                .doesNotContain(renamed.value());
        for (String tuid : members) {
            assertThat(thingsee.getDeviceGroup(stack, tuid).groupId()).isEqualTo("unassigned");
            assertThat(thingsee.getInstallationStatus(stack, tuid).orElseThrow().status())
                    .isEqualTo(InstallationStatus.UNINSTALLED);
        }
        assertThat(groups.find(renamed)).isEmpty();
        assertThat(devices.countGroupDevices(renamed.value())).isZero();
        assertThat(groups.changes(renamed))
                .extracting(GroupChange::kind)
                .containsExactly(GroupChange.Kind.DELETED, GroupChange.Kind.RENAMED, GroupChange.Kind.CREATED);
    }

    @Test
    void moving_100_devices_with_5_failing_reports_exactly_those_and_retry_failed_completes_the_move()
            throws Exception {
        GroupId from = GroupId.parse("prfi00from" + RUN);
        GroupId to = GroupId.parse("prfi00to" + RUN);
        groups.create(from, "Moving out");
        groups.create(to, "Moving in");
        List<String> moving = devicesInThingseeGroup(from, 100);
        List<String> failing = IntStream.range(0, 5)
                .mapToObj(i -> moving.get(i * 20 + 7))
                .sorted()
                .toList();
        failing.forEach(tuid -> faults().setFor(tuid, "{\"apiErrorRate\":1.0}"));
        try {
            UI.getCurrent().navigate("groups/" + from.value());
            Grid<?> grid = _get(Grid.class, spec -> spec.withId("group-devices"));
            selectAll(grid);
            _click(_get(Button.class, spec -> spec.withId("move-devices")));
            _setValue(targetGroup(), groups.find(to).orElseThrow());
            _click(_get(Button.class, spec -> spec.withId("confirm-move")));

            awaitUi(Duration.ofSeconds(90), () -> text("batch-summary").startsWith("Moved"));
            assertThat(text("batch-summary")).isEqualTo("Moved 95 of 100 devices; 5 failed.");
            Grid<DeviceFailure> failures = _get(Grid.class, spec -> spec.withId("batch-failures"));
            assertThat(GridKt._findAll(failures))
                    .extracting(DeviceFailure::tuid)
                    .containsExactlyElementsOf(failing);
            assertThat(GridKt._getFormattedRow(failures, 0).get(1)).startsWith("Thingsee: ");
            assertThat(thingsee.listGroupDevices(stack, from.value())).containsExactlyInAnyOrderElementsOf(failing);
            assertThat(thingsee.listGroupDevices(stack, to.value())).hasSize(95);
        } finally {
            failing.forEach(faults()::clearFor);
        }

        _click(_get(Button.class, spec -> spec.withId("retry-failed")));

        awaitUi(Duration.ofSeconds(90), () -> text("batch-summary").equals("Moved 5 of 5 devices; 0 failed."));
        assertThat(thingsee.listGroupDevices(stack, to.value())).containsExactlyInAnyOrderElementsOf(moving);
        assertThat(thingsee.listGroupDevices(stack, from.value())).isEmpty();
        assertThat(devices.countGroupDevices(to.value())).isEqualTo(100);
        assertThat(devices.countGroupDevices(from.value())).isZero();
        assertThat(groups.changes(to))
                .extracting(GroupChange::details)
                .containsExactly("5: " + from + " → " + to, "95: " + from + " → " + to, null);
    }

    /** Puts unassigned simulator devices into the group, in Thingsee and (as the sync would) in the portal. */
    private List<String> devicesInThingseeGroup(GroupId group, int count) {
        var chosen = new ArrayList<String>();
        for (String tuid : thingsee.listGroupDevices(stack, "unassigned")) {
            if (chosen.size() == count) {
                break;
            }
            thingsee.setDeviceGroup(stack, tuid, group.value());
            if (jdbc.sql("UPDATE device SET group_id = ? WHERE tenant_id = ? AND tuid = ?")
                            .params(group.value(), tenantId, tuid)
                            .update()
                    == 0) {
                TestData.device(jdbc, tenantId, tuid, group.value());
            }
            chosen.add(tuid);
        }
        assertThat(chosen).as("unassigned devices in the simulator").hasSize(count);
        return chosen.stream().sorted().toList();
    }

    private SimulatorFaults faults() {
        return SimulatorFaults.acme(port);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DeploymentGroup> targetGroup() {
        return _get(ComboBox.class, spec -> spec.withId("target-group"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void selectAll(Grid grid) {
        for (Object device : GridKt._findAll(grid)) {
            grid.select(device);
        }
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
