package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.TestMqtt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Haltian's recommended sequence, end to end, exactly as in production: the live client over real HTTP against the
 * built-in simulator, and the device's echo back through a real MQTT broker (the machine's Mosquitto), under the
 * stack's topic root, and the tenant's data stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThingseeSequenceIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The acme stack's topic root, of this run only: the machine's broker is shared with other tests. */
    static final String ROOT = "sequence-" + RUN + "/";

    @DynamicPropertySource
    static void realBroker(DynamicPropertyRegistry registry) {
        registry.add("portal.mqtt.enabled", () -> "true");
        registry.add("portal.mqtt.client-id", () -> "portal-sequence-it-" + RUN);
        // The tenant is added after the start (below): its stream starts at the next settings check.
        registry.add("portal.mqtt.settings-check", () -> "1s");
        registry.add("portal.thingsee.tenants.acme.stream.broker-url", () -> TestMqtt.URL);
        registry.add("portal.thingsee.tenants.acme.stream.topic-filters", () -> ROOT + "cloudext/json/#");
        registry.add("portal.simulator.broker-url", () -> TestMqtt.URL);
        registry.add("portal.simulator.stacks.acme.topic-root", () -> ROOT);
        registry.add("portal.simulator.echo-delay", () -> "300ms");
    }

    /** Collects the subscriber's events, as a feature listening to them would. */
    @TestConfiguration
    static class Events {
        final Queue<ThingseeMessageReceived> received = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(ThingseeMessagesReceived batch) {
            received.addAll(batch.messages());
        }
    }

    @Autowired
    ThingseeClient thingsee;

    @Autowired
    Events events;

    @Autowired
    ThingseeStacks stacks;

    @Autowired
    JdbcClient jdbc;

    /**
     * The tenant whose stack the settings name (its Thingsee credentials and data stream are kept with its row), and
     * its stream: the subscriber connects in the background; a message of the test's own shows when it listens.
     */
    @org.junit.jupiter.api.BeforeEach
    void theAcmeTenantListening() {
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP)"
                        + " ON CONFLICT DO NOTHING")
                .update();
        long probe = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            publishProbe(probe);
            return events.received.stream()
                    .anyMatch(
                            event -> Long.valueOf(probe).equals(event.message().transactionId()));
        });
    }

    private static void publishProbe(long probe) throws org.eclipse.paho.mqttv5.common.MqttException {
        var publisher = new org.eclipse.paho.mqttv5.client.MqttClient(
                TestMqtt.URL,
                "probe-" + UUID.randomUUID(),
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        try {
            publisher.connect();
            String payload = "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":1768464000,\"tsmTuid\":\"PROBE\","
                    + "\"transactionId\":" + probe + "}";
            publisher.publish(ROOT + "cloudext/json/rd/xx/rdxx00probe/PROBE/1110", payload.getBytes(), 1, false);
            publisher.disconnect();
        } finally {
            publisher.close();
        }
    }

    @Test
    void token_group_installation_assignment_and_configuration_come_back_as_an_echo_with_the_same_transaction_id() {
        var stack = stacks.forTenant("acme").orElseThrow();
        String tuid = thingsee.listGroupDevices(stack, "unassigned").stream()
                .filter(candidate -> candidate.startsWith("TSPR"))
                .findFirst()
                .orElseThrow();
        String groupId = "prfi00seq" + RUN;
        long transactionId = 100_000 + (long) (Math.random() * 1_000_000);

        thingsee.createGroup(stack, groupId, "Sequence test");
        thingsee.setInstallationStatus(stack, tuid, InstallationStatus.INSTALLED);
        thingsee.setDeviceGroup(stack, tuid, groupId);
        var receipt = thingsee.sendCommands(
                stack,
                tuid,
                List.of(new ThingseeMessage(Map.of(
                        "tsmId", 13200, "tsmEv", 30, "transactionId", transactionId, "mode", 1, "threshold", 5000))));

        assertThat(receipt.commands())
                .singleElement()
                .satisfies(queued -> assertThat(queued.transactionId()).isEqualTo(transactionId));
        assertThat(thingsee.getInstallationStatus(stack, tuid).orElseThrow().status())
                .isEqualTo(InstallationStatus.INSTALLED);
        assertThat(thingsee.getDeviceGroup(stack, tuid).groupId()).isEqualTo(groupId);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> events.received.stream()
                        .anyMatch(event -> Long.valueOf(transactionId)
                                .equals(event.message().transactionId())));
        ThingseeMessageReceived echo = events.received.stream()
                .filter(event ->
                        Long.valueOf(transactionId).equals(event.message().transactionId()))
                .findFirst()
                .orElseThrow();
        assertThat(echo.tenant()).isEqualTo("acme");
        assertThat(echo.topic()).isEqualTo(ROOT + "cloudext/json/pr/fi/" + groupId + "/" + tuid + "/13200");
        assertThat(echo.groupId()).isEqualTo(groupId);
        assertThat(echo.message().tsmTuid()).isEqualTo(tuid);
        assertThat(echo.message().tsmEv()).isEqualTo(31);
        assertThat(echo.message().field("mode")).contains(1);
        assertThat(echo.message().field("threshold")).contains(1100);
        assertThat(echo.message().field("passiveReportInterval")).contains(3600);
    }
}
