package io.thingseeportal.deviceconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.SimulatorFaults;
import io.thingseeportal.TestData;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkItemView;
import io.thingseeportal.bulk.BulkJobState;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.BulkProgress;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.device.ReportedConfiguration;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.MessageQuery;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStacks;
import io.thingseeportal.thingsee.mqtt.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Remote configuration end to end, as in production: the portal on PostgreSQL, the live client over real HTTP
 * against the built-in simulator, whose devices answer over a real MQTT broker to the portal's data stream; an admin
 * configures PRESENCE sensors (13200) and the echoes settle the commands. The broker is the subclass's, of the test's
 * own, so that it can be restarted while echoes are on their way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteConfiguration {

    static final int PIR = 13200;
    static final int RESTARTED_DEVICES = 20;
    /** Longer than sending all the restart test's commands takes, so that their echoes come while the broker is down. */
    static final Duration ECHO_DELAY = Duration.ofSeconds(3);
    /** Far longer than any echo takes here, even through the broker restart. */
    static final Duration ECHO_DEADLINE = Duration.ofSeconds(20);

    static final int MEASUREMENT_INTERVALS = 1500;
    static final int ROLLOUT_DEVICES = 200;
    /** One in twenty of the rollout's devices: the API fails every call for them, the job's 5 %. */
    static final int FAILING_EVERY = 20;

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ROOT = "remote-config-" + RUN + "/acme/";

    @Autowired
    DeviceCommandService commands;

    @Autowired
    DeviceDetailsService devices;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    ThingseeClient thingsee;

    @Autowired
    ThingseeStacks stacks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HealthEndpoint health;

    @Value("${local.server.port}")
    int port;

    @Autowired
    ConfigurationRollouts rollouts;

    @Autowired
    BulkJobs jobs;

    PortalUser admin;
    final Deque<String> presenceSensors = new ArrayDeque<>();
    /** Unassigned sensors of the other kinds, all of which take 1500, and the gateways, which take no configuration. */
    List<String> otherSensors;

    List<String> gateways;

    abstract TestBroker broker();

    /** The settings of both brokers' tests: the database, the simulator and the stream on the test's broker. */
    static void settings(DynamicPropertyRegistry registry, String name, Supplier<String> brokerUrl) {
        String database = TestPostgres.freshDatabase("portal_remote_config_" + name + "_it");
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/demo");
        registry.add("portal.mqtt.enabled", () -> "true");
        registry.add("portal.mqtt.client-id", () -> "remote-config-it-" + name + "-" + RUN);
        // The portal is back soon after the broker; its reconnect would otherwise wait up to a minute.
        registry.add("portal.mqtt.max-reconnect-delay", () -> "2s");
        registry.add("portal.simulator.broker-url", brokerUrl::get);
        registry.add("portal.simulator.stacks.acme.topic-root", () -> ROOT);
        registry.add("portal.simulator.fleet-size", () -> "300");
        registry.add("portal.simulator.rate-limit", () -> "100000");
        registry.add("portal.simulator.echo-delay", ECHO_DELAY::toString);
        registry.add("portal.thingsee.tenants.acme.stream.broker-url", brokerUrl::get);
        registry.add("portal.thingsee.tenants.acme.stream.topic-filters", () -> ROOT + "cloudext/json/#");
        // Silent devices time out on the schedule, as in production, soon enough for a test to wait.
        registry.add("portal.commands.scheduled-timeouts", () -> "true");
        registry.add("portal.commands.echo-deadline", ECHO_DEADLINE::toString);
        registry.add("portal.commands.timeout-check-interval", () -> "1s");
    }

    /** The portal knows the simulated stack's unassigned PRESENCE sensors, as the data stream would have added them. */
    @BeforeAll
    void anAdminOfAcmeAndItsPresenceSensors() {
        long tenantId = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
        admin = new PortalUser("it-admin", "Aino Virtanen", Set.of(AppRoles.ADMIN), tenantId, "acme", "Acme");
        List<String> unassigned = thingsee.listGroupDevices(stacks.require("acme"), "unassigned").stream()
                .sorted()
                .toList();
        unassigned.forEach(tuid -> TestData.device(jdbc, tenantId, tuid, null));
        List<String> presence = ofProducts(unassigned, Set.of(ProductType.PRESENCE));
        assertThat(presence).as("PRESENCE sensors of the simulated fleet").hasSizeGreaterThanOrEqualTo(23);
        presenceSensors.addAll(presence);
        gateways = ofProducts(unassigned, Set.of(ProductType.GATEWAY, ProductType.GATEWAY_LAN));
        otherSensors = unassigned.stream()
                .filter(tuid -> !presence.contains(tuid) && !gateways.contains(tuid))
                .toList();
        assertThat(otherSensors).as("the rollout's sensors").hasSizeGreaterThanOrEqualTo(ROLLOUT_DEVICES);
        assertThat(gateways).as("gateways of the simulated fleet").hasSizeGreaterThanOrEqualTo(5);
        // A message published before the portal's subscription is in place is not the portal's to miss.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Status.UP.equals(health.healthForPath("mqtt").getStatus()));
    }

    @AfterAll
    void stopTheBroker() {
        broker().stop();
    }

    @Test
    void an_admin_configures_a_presence_sensor_and_its_echo_confirms_the_command() {
        String tuid = presenceSensors.pop();

        DeviceCommand sent = asAdmin(() -> commands.configure(tuid, PIR, Map.of("threshold", 200)));

        assertThat(sent.state()).isEqualTo(CommandState.SENT);
        DeviceCommand confirmed = awaitSettled(sent);
        assertThat(confirmed.state()).isEqualTo(CommandState.CONFIRMED);
        assertThat(confirmed.echo()).containsEntry("threshold", 200).containsKeys("enableLed", "mode");
        assertThat(confirmed.differences()).isEmpty();
        assertThat(reported(tuid).fields()).containsEntry("threshold", 200);
        assertThat(reported(tuid).transactionId()).isEqualTo(sent.transactionId());
        assertThat(drifts(tuid)).isFalse();
    }

    /**
     * The simulator clamps only to the catalog's ranges, which the portal checks before sending, so none of its devices
     * (nor an unclamped one, which echoes what it is asked) answers an in-range value with another. A real sensor can:
     * Haltian's newer documents give the PIR threshold as 80-1060. The simulated device is taken offline, and the test
     * speaks for such a sensor over the broker, with the echo it would send.
     */
    @Test
    void an_echo_with_a_value_the_firmware_clamped_marks_the_command_as_mismatch_and_the_device_as_drifting()
            throws Exception {
        String tuid = presenceSensors.pop();
        faults().setFor(tuid, "{\"offline\": true}");
        try {
            DeviceCommand sent = asAdmin(() -> commands.configure(tuid, PIR, Map.of("threshold", 1100)));
            assertThat(sent.state()).isEqualTo(CommandState.SENT);

            publishEcho(tuid, sent.transactionId(), 1060);

            DeviceCommand settled = awaitSettled(sent);
            assertThat(settled.state()).isEqualTo(CommandState.MISMATCH);
            assertThat(settled.differences()).containsExactly(new FieldDifference("threshold", 1100, 1060));
            assertThat(reported(tuid).fields()).containsEntry("threshold", 1060);
            assertThat(drifts(tuid)).isTrue();
        } finally {
            faults().clearFor(tuid);
        }
    }

    @Test
    void no_echo_is_lost_when_the_broker_restarts_while_the_echoes_are_on_their_way() {
        // The stream runs, both ends connected, before the broker goes: the simulator connects on its first message.
        String first = presenceSensors.pop();
        assertThat(awaitSettled(asAdmin(() -> commands.configure(first, PIR, Map.of("threshold", 250))))
                        .state())
                .isEqualTo(CommandState.CONFIRMED);
        List<String> tuids = List.copyOf(presenceSensors).subList(0, RESTARTED_DEVICES);
        presenceSensors.removeAll(tuids);
        Instant start = Instant.now();
        List<DeviceCommand> sent = tuids.stream()
                .map(tuid -> asAdmin(() -> commands.configure(tuid, PIR, Map.of("threshold", 300))))
                .toList();
        assertThat(Duration.between(start, Instant.now()))
                .as("all sent before the first echo is due")
                .isLessThan(ECHO_DELAY);
        assertThat(sent).extracting(DeviceCommand::state).containsOnly(CommandState.SENT);

        broker().stop();
        // Down until every device has answered: the simulator keeps each echo in the device's history as it publishes
        // it, so each is published while the broker is away.
        await().atMost(ECHO_DELAY.plusSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> sent.stream().allMatch(this::echoed));
        assertThat(states(sent)).as("settled while the broker was down").doesNotContain(CommandState.CONFIRMED);
        broker().start();

        // Each echo confirms its command, even one that timed out meanwhile (a late echo still confirms).
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(states(sent)).containsOnly(CommandState.CONFIRMED));
    }

    /**
     * 200 sensors and 5 gateways: the API fails every call for 10 of the sensors (spread over the job, so that the
     * failures never make up the abort threshold's share) and 10 others are offline, so they never answer.
     */
    @Test
    void a_rollout_to_200_devices_with_failing_and_offline_ones_ends_with_exactly_the_expected_counts_per_state()
            throws Exception {
        List<String> sensors = otherSensors.subList(0, ROLLOUT_DEVICES);
        List<String> failing = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (int i = 0; i < sensors.size(); i++) {
            if (i % FAILING_EVERY == 3) {
                failing.add(sensors.get(i));
            } else if (i % FAILING_EVERY == 11) {
                offline.add(sensors.get(i));
            }
        }
        for (String tuid : failing) {
            faults().setFor(tuid, "{\"apiErrorRate\": 1}");
        }
        for (String tuid : offline) {
            faults().setFor(tuid, "{\"offline\": true}");
        }
        List<String> targets = new ArrayList<>(sensors);
        targets.addAll(gateways.subList(0, 5));
        Map<String, Object> values = Map.of("measurementInterval", 120, "reportInterval", 600);
        try {
            long job = asAdmin(() -> rollouts.start(
                    new RolloutRequest(MEASUREMENT_INTERVALS, values, targets, null, false, false, null)));

            BulkProgress done = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> asAdmin(() -> jobs.progress(job)), BulkProgress::complete);
            assertThat(done.state()).isEqualTo(BulkJobState.DONE);
            assertThat(done.count(BulkItemState.SUCCEEDED)).isEqualTo(180 + 10);
            assertThat(done.count(BulkItemState.FAILED)).isEqualTo(10);
            assertThat(done.count(BulkItemState.SKIPPED)).isEqualTo(5);
            assertThat(asAdmin(() -> jobs.items(job, Set.of(BulkItemState.FAILED))))
                    .extracting(BulkItemView::key)
                    .containsExactlyInAnyOrderElementsOf(failing);
            assertThat(asAdmin(() -> jobs.items(job, Set.of(BulkItemState.SKIPPED))))
                    .extracting(BulkItemView::key, BulkItemView::message)
                    .containsOnly(gateways.subList(0, 5).stream()
                            .map(tuid -> tuple(tuid, ConfigurationRollouts.SKIP_NOT_TAKEN))
                            .toArray(org.assertj.core.groups.Tuple[]::new));

            // The silent ones time out after the deadline; every other device has answered long before.
            await().atMost(ECHO_DEADLINE.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> asAdmin(() -> rollouts.commandStates(job)),
                            states ->
                                    !states.containsKey(CommandState.SENT) && !states.containsKey(CommandState.QUEUED));
            assertThat(asAdmin(() -> rollouts.commandStates(job)))
                    .containsOnly(
                            entry(CommandState.CONFIRMED, 180),
                            entry(CommandState.FAILED, 10),
                            entry(CommandState.TIMED_OUT, 10));
            assertThat(failing)
                    .allSatisfy(tuid -> assertThat(
                                    latestOf(tuid, MEASUREMENT_INTERVALS).state())
                            .isEqualTo(CommandState.FAILED));
            assertThat(offline)
                    .allSatisfy(tuid -> assertThat(
                                    latestOf(tuid, MEASUREMENT_INTERVALS).state())
                            .isEqualTo(CommandState.TIMED_OUT));
            String answered = sensors.stream()
                    .filter(tuid -> !failing.contains(tuid) && !offline.contains(tuid))
                    .findFirst()
                    .orElseThrow();
            assertThat(asAdmin(() -> devices.reportedConfiguration(answered)))
                    .filteredOn(configuration -> configuration.tsmId() == MEASUREMENT_INTERVALS)
                    .singleElement()
                    .satisfies(
                            configuration -> assertThat(configuration.fields()).containsAllEntriesOf(values));
        } finally {
            for (String tuid : failing) {
                faults().clearFor(tuid);
            }
            for (String tuid : offline) {
                faults().clearFor(tuid);
            }
        }
    }

    private SimulatorFaults faults() {
        return SimulatorFaults.acme(port);
    }

    private static List<String> ofProducts(List<String> tuids, Set<ProductType> products) {
        return tuids.stream()
                .filter(tuid ->
                        ProductType.ofTuid(tuid).filter(products::contains).isPresent())
                .toList();
    }

    private DeviceCommand latestOf(String tuid, int tsmId) {
        return asAdmin(() -> commands.ofDevice(tuid, 10)).stream()
                .filter(command -> command.tsmId() == tsmId)
                .findFirst()
                .orElseThrow();
    }

    private DeviceCommand awaitSettled(DeviceCommand command) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> latest(command), latest -> !latest.state().open());
    }

    private DeviceCommand latest(DeviceCommand command) {
        return asAdmin(() -> commands.ofDevice(command.tuid(), 10)).stream()
                .filter(candidate -> candidate.id() == command.id())
                .findFirst()
                .orElseThrow();
    }

    private List<CommandState> states(List<DeviceCommand> sent) {
        return sent.stream().map(command -> latest(command).state()).toList();
    }

    private ReportedConfiguration reported(String tuid) {
        return asAdmin(() -> devices.reportedConfiguration(tuid)).stream()
                .filter(configuration -> configuration.tsmId() == PIR)
                .findFirst()
                .orElseThrow();
    }

    private boolean drifts(String tuid) {
        return jdbc.sql("SELECT config_drift FROM device WHERE tuid = ?")
                .param(tuid)
                .query(Boolean.class)
                .single();
    }

    private <T> T asAdmin(Supplier<T> work) {
        return currentUser.runAs(admin, work);
    }

    /** The echo a sensor sends to a 13200 command: every field of the message, with the command's transactionId. */
    private void publishEcho(String tuid, long transactionId, int threshold) throws Exception {
        String json =
                ("{\"tsmId\":13200,\"tsmEv\":31,\"tsmTs\":%d,\"tsmTuid\":\"%s\",\"deploymentGroupId\":\"unassigned\","
                                + "\"transactionId\":%d,\"threshold\":%d,\"enableLed\":0,\"mode\":0,\"passiveReportInterval\":3600}")
                        .formatted(Instant.now().getEpochSecond(), tuid, transactionId, threshold);
        var device = new MqttClient(broker().url(), "remote-config-device-" + RUN, new MemoryPersistence());
        var options = new MqttConnectionOptions();
        options.setCleanStart(true);
        device.connect(options);
        device.publish(
                ROOT + "cloudext/json/un/xx/unassigned/" + tuid + "/" + PIR,
                json.getBytes(StandardCharsets.UTF_8),
                1,
                false);
        device.disconnect();
        device.close();
    }

    /** Whether the simulated device has answered the command: its echo is in the device's history at the simulator. */
    private boolean echoed(DeviceCommand command) {
        var echoes = new MessageQuery(10, List.of(command.tsmId()), List.of(31), null, null);
        return thingsee.getMessages(stacks.require("acme"), command.tuid(), echoes).stream()
                .anyMatch(message -> Long.valueOf(command.transactionId()).equals(message.transactionId()));
    }
}
