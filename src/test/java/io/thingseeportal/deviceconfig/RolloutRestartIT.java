package io.thingseeportal.deviceconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.Application;
import io.thingseeportal.SimulatorFaults;
import io.thingseeportal.TestData;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkJobState;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.BulkProgress;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStacks;
import io.thingseeportal.thingsee.mqtt.TestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A portal restart in the middle of a rollout. The Thingsee cloud must outlive the portal, as the real one does, so the
 * simulator runs in an application of its own (on its own in-memory database) and the portal node under test, on
 * PostgreSQL, reaches it over HTTP and hears its devices over Mosquitto. The node is stopped once part of the rollout
 * has been sent; a new node on the same database finishes it. Every device's accepted sends are then counted at the
 * simulator: one each, the devices whose calls failed included, after their failures were retried.
 */
class RolloutRestartIT {

    static final int DEVICES = 200;
    static final int MEASUREMENT_INTERVALS = 1500;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ROOT = "rollout-restart-" + RUN + "/acme/";

    static final TestBroker BROKER = new TestBroker.Mosquitto();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext thingseeCloud;
    static ConfigurableApplicationContext node;
    static String database;

    @BeforeAll
    static void theThingseeCloudAndItsBroker() {
        BROKER.start();
        database = TestPostgres.freshDatabase("portal_rollout_restart_it");
        thingseeCloud = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--portal.simulator.broker-url=" + BROKER.url(),
                        "--portal.simulator.stacks.acme.topic-root=" + ROOT,
                        "--portal.simulator.fleet-size=300",
                        "--portal.simulator.rate-limit=100000",
                        "--portal.simulator.echo-delay=1s",
                        // Its own portal has nothing to do here: no data stream, no tenant stack of its own to call.
                        "--portal.thingsee.tenants.acme.base-url=http://127.0.0.1:1/never-dialled/v1/");
    }

    @AfterAll
    static void stopEverything() {
        if (node != null) {
            node.close();
        }
        if (thingseeCloud != null) {
            thingseeCloud.close();
        }
        BROKER.stop();
    }

    @Test
    void a_portal_restarted_mid_rollout_finishes_it_and_sends_each_device_its_command_once() throws Exception {
        node = startNode();
        List<String> sensors = sensors().subList(0, DEVICES);
        long tenantId = node.getBean(JdbcClient.class)
                .sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
        sensors.forEach(tuid -> TestData.device(node.getBean(JdbcClient.class), tenantId, tuid, null));
        List<String> failing = new ArrayList<>();
        for (int i = 7; i < DEVICES; i += 20) {
            failing.add(sensors.get(i));
            faults().setFor(failing.get(failing.size() - 1), "{\"apiErrorRate\": 1}");
        }
        var admin = new PortalUser("it-admin", "Aino Virtanen", Set.of(AppRoles.ADMIN), tenantId, "acme", "Acme");
        Map<String, Object> values = Map.of("measurementInterval", 90, "reportInterval", 900);
        long job = as(
                admin,
                () -> node.getBean(ConfigurationRollouts.class)
                        .start(new RolloutRequest(MEASUREMENT_INTERVALS, values, sensors, null, false, false, null)));

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> progress(admin, job).finished() >= DEVICES / 4);
        node.close();
        BulkProgress stopped = progressIn(database, job);
        assertThat(stopped.finished())
                .as("the rollout was in the middle when the portal stopped")
                .isLessThan(DEVICES * 3 / 4);
        assertThat(stopped.count(BulkItemState.RUNNING))
                .as("a stopping node finishes the items it runs")
                .isZero();

        node = startNode();
        BulkProgress done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> progress(admin, job), BulkProgress::complete);
        assertThat(done.state()).isEqualTo(BulkJobState.DONE);
        assertThat(done.count(BulkItemState.SUCCEEDED)).isEqualTo(DEVICES - failing.size());
        assertThat(done.count(BulkItemState.FAILED)).isEqualTo(failing.size());
        awaitCommandStates(admin, job, Map.of(CommandState.CONFIRMED, 190, CommandState.FAILED, 10));

        for (String tuid : failing) {
            faults().clearFor(tuid);
        }
        assertThat(as(admin, () -> node.getBean(BulkJobs.class).retryFailed(job)))
                .isEqualTo(failing.size());
        awaitCommandStates(admin, job, Map.of(CommandState.CONFIRMED, DEVICES));

        String token = simulatorToken();
        for (String tuid : sensors) {
            long transactionId = as(
                            admin,
                            () -> node.getBean(DeviceCommandService.class).ofDevice(tuid, 5))
                    .stream()
                    .filter(command -> command.tsmId() == MEASUREMENT_INTERVALS)
                    .findFirst()
                    .orElseThrow()
                    .transactionId();
            assertThat(acceptedTransactionIds(token, tuid))
                    .as("the sends Thingsee accepted for " + tuid)
                    .containsExactly(transactionId);
        }
    }

    /** A portal node on the test's PostgreSQL database, with the simulator as its tenant's Thingsee cloud. */
    private static ConfigurableApplicationContext startNode() {
        var started = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=" + TestPostgres.PASSWORD,
                        "--spring.flyway.locations=classpath:db/migration,classpath:db/demo",
                        "--portal.simulator.enabled=false",
                        "--portal.thingsee.tenants.acme.base-url=" + simulatorApi(),
                        "--portal.thingsee.tenants.acme.stream.broker-url=" + BROKER.url(),
                        "--portal.thingsee.tenants.acme.stream.topic-filters=" + ROOT + "cloudext/json/#",
                        "--portal.mqtt.enabled=true",
                        // The same client as before the restart: the broker kept its session and the echoes in it.
                        "--portal.mqtt.client-id=rollout-restart-it-" + RUN,
                        // Slow enough that the node is stopped with most of the rollout still to send.
                        "--portal.bulk.rate-per-second=20",
                        "--portal.bulk.burst=2");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Status.UP.equals(started.getBean(HealthEndpoint.class)
                        .healthForPath("mqtt")
                        .getStatus()));
        return started;
    }

    /** The simulated stack's unassigned sensors, which all take 1500; gateways do not. */
    private static List<String> sensors() {
        var stacks = node.getBean(ThingseeStacks.class);
        return node.getBean(ThingseeClient.class).listGroupDevices(stacks.require("acme"), "unassigned").stream()
                .filter(tuid -> ProductType.ofTuid(tuid)
                        .filter(product -> product != ProductType.GATEWAY && product != ProductType.GATEWAY_LAN)
                        .isPresent())
                .sorted()
                .toList();
    }

    private static BulkProgress progress(PortalUser admin, long job) {
        return as(admin, () -> node.getBean(BulkJobs.class).progress(job));
    }

    /** The job's items by state, read from the database while no node runs. */
    private static BulkProgress progressIn(String url, long job) {
        var jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                url, TestPostgres.USER, TestPostgres.PASSWORD));
        Map<BulkItemState, Integer> counts = new java.util.EnumMap<>(BulkItemState.class);
        jdbc.sql("SELECT state, count(*) AS n FROM bulk_item WHERE job_id = ? GROUP BY state")
                .param(job)
                .query(row -> {
                    counts.put(BulkItemState.valueOf(row.getString("state")), row.getInt("n"));
                });
        return new BulkProgress(
                job,
                ConfigurationRollouts.KIND,
                BulkJobState.RUNNING,
                counts,
                java.time.Instant.now(),
                Duration.ZERO,
                null,
                false);
    }

    private static void awaitCommandStates(PortalUser admin, long job, Map<CommandState, Integer> expected) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> as(
                                admin,
                                () -> node.getBean(ConfigurationRollouts.class).commandStates(job)),
                        states -> !states.containsKey(CommandState.SENT) && !states.containsKey(CommandState.QUEUED));
        assertThat(as(admin, () -> node.getBean(ConfigurationRollouts.class).commandStates(job)))
                .containsOnly(expected.entrySet().stream()
                        .map(each -> entry(each.getKey(), each.getValue()))
                        .toArray(Map.Entry[]::new));
    }

    private static <T> T as(PortalUser user, Supplier<T> work) {
        return node.getBean(CurrentUser.class).runAs(user, work);
    }

    private static String simulatorApi() {
        return "http://127.0.0.1:" + port(thingseeCloud) + "/simulator/thingsee/v1/";
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String simulatorToken() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(simulatorApi() + "auth/client-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"client_id\": \"acme-demo-client\", \"client_secret\": \"acme-demo-secret\"}"))
                .build();
        return send(request).path("data").path("token").asText();
    }

    /** The transactionIds of the configuration commands the simulator accepted for the device (its command history). */
    private static List<Long> acceptedTransactionIds(String token, String tuid) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(simulatorApi() + "things/" + tuid + "/commands?limit=100"))
                .header("Authorization", "Bearer " + token)
                .build();
        List<Long> ids = new ArrayList<>();
        for (JsonNode entry : send(request).path("data")) {
            for (JsonNode command : entry.path("commands")) {
                if (command.path("tsmId").asInt() == MEASUREMENT_INTERVALS) {
                    ids.add(command.path("transactionId").asLong());
                }
            }
        }
        return ids;
    }

    private static SimulatorFaults faults() {
        return SimulatorFaults.acme(port(thingseeCloud));
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(request.uri() + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
