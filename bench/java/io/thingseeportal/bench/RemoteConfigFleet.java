package io.thingseeportal.bench;

import io.thingseeportal.RunningDemo;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The remote configuration benchmark's fleet: the simulated stack's sensors, known to the portal as the data stream
 * would have added them (product, group, battery, last seen), in a rollout group and two groups to move devices
 * between; and an admin of acme to act as.
 */
final class RemoteConfigFleet {

    static final String TENANT = "acme";
    static final GroupId ROLLOUT_GROUP = GroupId.parse("prfi00benchrollout");
    static final GroupId MOVE_FROM = GroupId.parse("prfi00benchmovea");
    static final GroupId MOVE_TO = GroupId.parse("prfi00benchmoveb");

    private final RunningDemo demo;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final long tenantId;
    private final PortalUser admin;
    private List<String> rolloutDevices = List.of();
    private List<String> moveDevices = List.of();

    RemoteConfigFleet(RunningDemo demo) {
        this.demo = demo;
        this.currentUser = demo.context().getBean(CurrentUser.class);
        this.jdbc = demo.context().getBean(JdbcClient.class);
        this.tenantId = jdbc.sql("SELECT id FROM tenant WHERE slug = ?")
                .param(TENANT)
                .query(Long.class)
                .single();
        this.admin = new PortalUser(
                "bench-admin", "Bench Admin", Set.of(AppRoles.ADMIN), tenantId, TENANT, "Acme Facilities");
    }

    /**
     * Reads the stack's unassigned sensors from the simulator (all of them take 1500), puts the first {@code rollout}
     * into the rollout group and the next {@code moved} into the group they move from, in the portal.
     */
    void populate(int rollout, int moved) {
        var client = demo.context().getBean(ThingseeClient.class);
        var stack = demo.context().getBean(ThingseeStacks.class).require(TENANT);
        List<String> sensors = client.listGroupDevices(stack, "unassigned").stream()
                .filter(tuid -> ProductType.ofTuid(tuid)
                        .filter(type -> type != ProductType.GATEWAY && type != ProductType.GATEWAY_LAN)
                        .isPresent())
                .sorted()
                .toList();
        if (sensors.size() < rollout + moved) {
            throw new IllegalStateException("The simulated fleet has " + sensors.size() + " sensors, fewer than "
                    + (rollout + moved) + ": raise portal.simulator.fleet-size");
        }
        var groups = demo.context().getBean(GroupService.class);
        asAdmin(() -> {
            for (GroupId group : List.of(ROLLOUT_GROUP, MOVE_FROM, MOVE_TO)) {
                groups.create(group, "Remote configuration benchmark");
            }
            return null;
        });
        rolloutDevices = sensors.subList(0, rollout);
        moveDevices = sensors.subList(rollout, rollout + moved);
        insert(rolloutDevices, ROLLOUT_GROUP);
        insert(moveDevices, MOVE_FROM);
    }

    List<String> rolloutDevices() {
        return rolloutDevices;
    }

    List<String> moveDevices() {
        return moveDevices;
    }

    /** Runs {@code work} as an admin of acme, as a view's UI thread would. */
    <T> T asAdmin(Supplier<T> work) {
        return currentUser.runAs(admin, work);
    }

    /**
     * What autovacuum does in production (PostgreSQL's default), done by hand between rounds: this machine's
     * PostgreSQL runs with {@code autovacuum = off}, and without it every round's updated commands, items and devices
     * stay behind as dead rows that each later round's index scans walk through (the rollout took 88, 117, then 224 s).
     */
    void vacuum() {
        boolean off =
                "off".equals(jdbc.sql("SHOW autovacuum").query(String.class).single());
        if (off) {
            for (String table : List.of(
                    "bulk_item",
                    "bulk_job",
                    "device_command",
                    "device",
                    "device_configuration",
                    "device_desired_configuration",
                    "device_message")) {
                jdbc.sql("VACUUM (ANALYZE) " + table).update();
            }
        }
    }

    long tenantId() {
        return tenantId;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    private void insert(List<String> tuids, GroupId group) {
        Timestamp now = Timestamp.from(Instant.now());
        demo.context()
                .getBean(JdbcTemplate.class)
                .batchUpdate(
                        "INSERT INTO device (tenant_id, tuid, created_at, group_id, product_type, battery_level,"
                                + " last_seen) VALUES (?, ?, ?, ?, ?, 80, ?)",
                        tuids,
                        1000,
                        (statement, tuid) -> {
                            statement.setLong(1, tenantId);
                            statement.setString(2, tuid);
                            statement.setTimestamp(3, now);
                            statement.setString(4, group.value());
                            statement.setString(
                                    5,
                                    ProductType.ofTuid(tuid)
                                            .map(ProductType::productName)
                                            .orElseThrow());
                            statement.setTimestamp(6, now);
                        });
    }
}
