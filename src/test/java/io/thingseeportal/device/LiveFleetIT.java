package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.thingseeportal.TestData;
import io.thingseeportal.TestMqtt;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.TenantStreamSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live fleet end to end on PostgreSQL and the machine's Mosquitto: each demo tenant's stream under a topic root of
 * its own, the simulator's devices publishing their periodic data, the subscriber, the ingest and the device rows; and
 * streams an operator adds or changes while the portal runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveFleetIT {

    static final String DATABASE = TestPostgres.freshDatabase("portal_live_fleet_it");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final PortalUser OPERATOR = new PortalUser("otto", "Otto", Set.of(AppRoles.OPERATOR), null, null, null);

    @DynamicPropertySource
    static void postgresAndStreams(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/demo");
        registry.add("portal.mqtt.enabled", () -> "true");
        registry.add("portal.mqtt.client-id", () -> "live-fleet-it-" + RUN);
        // Another node's change of a tenant's stream counts at this node's next check.
        registry.add("portal.mqtt.settings-check", () -> "1s");
        registry.add("portal.simulator.broker-url", () -> TestMqtt.URL);
        registry.add("portal.simulator.periodic-data", () -> "true");
        registry.add("portal.simulator.report-interval-scale", () -> "0.005");
        registry.add(
                "portal.thingsee.tenants.borealis.base-url",
                () -> "http://127.0.0.1:${local.server.port}/simulator/thingsee/v1/");
        registry.add("portal.thingsee.tenants.borealis.client-id", () -> "borealis-demo-client");
        registry.add("portal.thingsee.tenants.borealis.client-secret", () -> "borealis-demo-secret");
        for (String tenant : new String[] {"acme", "borealis"}) {
            registry.add("portal.simulator.stacks." + tenant + ".topic-root", () -> root(tenant));
            registry.add("portal.thingsee.tenants." + tenant + ".stream.broker-url", () -> TestMqtt.URL);
            registry.add(
                    "portal.thingsee.tenants." + tenant + ".stream.topic-filters",
                    () -> root(tenant) + "cloudext/json/#");
        }
    }

    static String root(String tenant) {
        return "it-" + RUN + "/" + tenant + "/";
    }

    @Autowired
    JdbcClient jdbc;

    MqttClient publisher;

    @Autowired
    HealthEndpoint health;

    @Autowired
    TenantStreamSettings streams;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void publisher() throws Exception {
        // A message published before a new session's subscription is in place is not the portal's to miss.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Status.UP.equals(health.healthForPath("mqtt").getStatus()));
        publisher = new MqttClient(TestMqtt.URL, "live-fleet-it-publisher-" + RUN, new MemoryPersistence());
        var options = new MqttConnectionOptions();
        options.setCleanStart(true);
        publisher.connect(options);
    }

    @AfterEach
    void close() throws Exception {
        publisher.disconnect();
        publisher.close();
    }

    @Test
    void the_simulated_devices_periodic_data_reaches_the_device_rows() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM device d JOIN tenant t ON t.id = d.tenant_id"
                                                + " WHERE t.slug = 'acme' AND d.battery_level IS NOT NULL AND d.last_seen IS NOT NULL")
                                .query(Long.class)
                                .single())
                        .isGreaterThanOrEqualTo(20));
        assertThat(jdbc.sql("SELECT count(*) FROM device_value v JOIN tenant t ON t.id = v.tenant_id"
                                + " WHERE t.slug = 'acme' AND v.tsm_id = 12100")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void two_tenants_with_the_same_group_id_stay_apart() throws Exception {
        String tuid = "TSPR04" + RUN.toUpperCase() + "ISO";
        long ts = Instant.now().getEpochSecond();
        publish("acme", "prfi00shared", tuid, ts, 11);
        publish("borealis", "prfi00shared", tuid, ts, 88);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(battery("acme", tuid)).isEqualTo(11);
            assertThat(battery("borealis", tuid)).isEqualTo(88);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM device_message WHERE tuid = ?")
                        .param(tuid)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void an_older_message_after_a_newer_one_changes_nothing() throws Exception {
        String tuid = "TSPR04" + RUN.toUpperCase() + "OLD";
        long ts = Instant.now().getEpochSecond();
        publish("acme", "prfi00order", tuid, ts, 40);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(40).equals(battery("acme", tuid)));

        publish("acme", "prfi00order", tuid, ts - 60, 95);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT count(*) FROM device_message WHERE tuid = ?")
                                .param(tuid)
                                .query(Long.class)
                                .single()
                        == 2);

        assertThat(battery("acme", tuid)).isEqualTo(40);
        assertThat(jdbc.sql("SELECT last_seen FROM device WHERE tuid = ?")
                        .param(tuid)
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.ofEpochSecond(ts));
    }

    @Test
    void a_tenant_added_at_run_time_receives_its_stream_once_an_operator_saves_its_settings() throws Exception {
        long tenantId = TestData.tenant(jdbc, "Cumulus");
        String slug = TestData.slug(jdbc, tenantId);
        String tuid = "TSPR04" + RUN.toUpperCase() + "NEW";

        saveStream(tenantId, true, root(slug) + "cloudext/json/#");
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribed(slug));
        publish(slug, "prfi00new", tuid, Instant.now().getEpochSecond(), 33);

        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(33).equals(battery(slug, tuid)));
    }

    @Test
    void a_changed_stream_follows_its_new_topics_and_one_switched_off_on_another_node_stops() throws Exception {
        long tenantId = TestData.tenant(jdbc, "Cumulus");
        String slug = TestData.slug(jdbc, tenantId);
        saveStream(tenantId, true, root(slug) + "old/cloudext/json/#");
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribed(slug));

        saveStream(tenantId, true, root(slug) + "cloudext/json/#");
        String moved = "TSPR04" + RUN.toUpperCase() + "MOV";
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    publish(slug, "prfi00moved", moved, Instant.now().getEpochSecond(), 44);
                    assertThat(battery(slug, moved)).isEqualTo(44);
                });
        String left = "TSPR04" + RUN.toUpperCase() + "LFT";
        String marker = "TSPR04" + RUN.toUpperCase() + "MRK";
        publisher.publish(
                root(slug) + "old/cloudext/json/pr/fi/prfi00old/" + left + "/1110",
                message(Instant.now().getEpochSecond(), left, "prfi00old", 55),
                1,
                false);
        publish(slug, "prfi00moved", marker, Instant.now().getEpochSecond(), 66);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(66).equals(battery(slug, marker)));
        assertThat(battery(slug, left)).as("the topic it left").isNull();
        assertThat(meters.find(StreamRejections.METER)
                        .tag("tenant", slug)
                        .tag("reason", StreamRejections.UNMATCHED)
                        .counter())
                .as("the broker delivered nothing of the topic it left (its session let go of the subscription)")
                .isNull();

        jdbc.sql("UPDATE tenant_stream SET enabled = FALSE, updated_at = CURRENT_TIMESTAMP WHERE tenant_id = ?")
                .param(tenantId)
                .update();
        await().atMost(Duration.ofSeconds(20)).until(() -> !streamDetails().containsKey(slug));
    }

    private void saveStream(long tenantId, boolean enabled, String topicFilter) {
        currentUser.runAs(OPERATOR, () -> {
            streams.save(
                    tenantId,
                    TestData.stream(enabled, TestMqtt.URL, "", topicFilter),
                    TenantStreamSettings.NewPasswords.none());
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private boolean subscribed(String slug) {
        Object details = streamDetails().get(slug);
        return details instanceof Map<?, ?> stream && Boolean.TRUE.equals(stream.get("subscribed"));
    }

    private Map<String, Object> streamDetails() {
        return ((Health) health.healthForPath("mqtt")).getDetails();
    }

    private static byte[] message(long ts, String tuid, String groupId, int battery) {
        return "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":%d,\"tsmTuid\":\"%s\",\"deploymentGroupId\":\"%s\",\"batl\":%d,\"chrg\":0}"
                .formatted(ts, tuid, groupId, battery)
                .getBytes(StandardCharsets.UTF_8);
    }

    private void publish(String tenant, String groupId, String tuid, long ts, int battery) throws Exception {
        String topic = root(tenant) + "cloudext/json/pr/fi/" + groupId + "/" + tuid + "/1110";
        publisher.publish(topic, message(ts, tuid, groupId, battery), 1, false);
    }

    private Integer battery(String tenant, String tuid) {
        return jdbc.sql("SELECT d.battery_level FROM device d JOIN tenant t ON t.id = d.tenant_id"
                        + " WHERE t.slug = ? AND d.tuid = ?")
                .params(tenant, tuid)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }
}
