package io.thingseeportal.thingsee.mqtt;

import static io.thingseeportal.thingsee.mqtt.TestPublisher.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant's stream against real brokers: the machine's Mosquitto (run by the test on a port of its own, so that it
 * can be restarted) and the embedded HiveMQ of the demo.
 */
class ThingseeMqttSubscriberIT {

    static final String TUID = "TSPR04EZU31901021";
    static final String TOPIC = "acme/cloudext/json/pr/fi/prfi00office/" + TUID + "/1500";

    final Queue<ThingseeMessageReceived> received = new ConcurrentLinkedQueue<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final String clientId = "portal-it-" + UUID.randomUUID();
    TestBroker broker;
    TenantStream stream;

    static List<Supplier<TestBroker>> brokers() {
        return List.of(TestBroker.Mosquitto::new, TestBroker.HiveMq::new);
    }

    @AfterEach
    void stopEverything() {
        if (stream != null) {
            stream.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void a_published_device_message_becomes_an_event_of_the_streams_tenant(Supplier<TestBroker> brokers)
            throws Exception {
        startBrokerAndStream(brokers);

        TestPublisher.publish(broker.url(), TOPIC, echo(TUID, 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> transactionIds().contains(1L));
        ThingseeMessageReceived event = received.peek();
        assertThat(event.tenant()).isEqualTo("acme");
        assertThat(event.topic()).isEqualTo(TOPIC);
        assertThat(event.groupId()).isEqualTo("prfi00office");
        assertThat(stream.state().lastMessageAt()).isNotNull();
        assertThat(meters.get("thingsee.stream.messages")
                        .tag("tenant", "acme")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void what_was_published_while_the_portal_was_down_arrives_when_it_is_back(Supplier<TestBroker> brokers)
            throws Exception {
        startBrokerAndStream(brokers);
        stream.stop();

        TestPublisher.publish(broker.url(), TOPIC, echo(TUID, 2));
        stream = stream();
        stream.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> transactionIds().contains(2L));
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void the_stream_survives_a_broker_restart_and_gets_what_was_published_before_it_reconnected(
            Supplier<TestBroker> brokers) throws Exception {
        startBrokerAndStream(brokers);

        broker.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !stream.isConnected());
        assertThat(stream.state().subscribed()).isFalse();
        broker.start();
        TestPublisher.publish(broker.url(), TOPIC, echo(TUID, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> transactionIds().contains(3L));
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.state().subscribed());
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void bad_payloads_are_counted_by_reason_and_skipped_without_holding_up_the_stream(Supplier<TestBroker> brokers)
            throws Exception {
        startBrokerAndStream(brokers);

        TestPublisher.publish(broker.url(), TOPIC, "this is not json");
        TestPublisher.publish(broker.url(), TOPIC, "[{\"tsmEv\":10}]");
        TestPublisher.publish(broker.url(), TOPIC, "{\"tsmId\":\"1500\",\"tsmEv\":10,\"tsmTs\":1,\"tsmTuid\":\"T\"}");
        TestPublisher.publish(broker.url(), TOPIC, "x".repeat(TenantStream.MAX_PAYLOAD_BYTES + 1));
        TestPublisher.publish(broker.url(), TOPIC, echo(TUID, 4));

        await().atMost(Duration.ofSeconds(10)).until(() -> transactionIds().contains(4L));
        assertThat(rejected(StreamRejections.NOT_JSON)).isEqualTo(1);
        assertThat(rejected(StreamRejections.MISSING_HEADER)).isEqualTo(1);
        assertThat(rejected(StreamRejections.WRONG_TYPES)).isEqualTo(1);
        assertThat(rejected(StreamRejections.TOO_LARGE)).isEqualTo(1);
        assertThat(received).hasSize(1);
        assertThat(stream.isConnected()).isTrue();
    }

    private void startBrokerAndStream(Supplier<TestBroker> brokers) throws MqttException {
        broker = brokers.get();
        broker.start();
        stream = stream();
        stream.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> stream.state().subscribed());
        // Subscribed: a message to the session proves it is in place.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            TestPublisher.publish(broker.url(), TOPIC, echo(TUID, 0));
            return transactionIds().contains(0L);
        });
        received.clear();
    }

    private TenantStream stream() throws MqttException {
        return MqttTestSettings.tenantStream(
                "acme",
                MqttTestSettings.stream(broker.url(), List.of("acme/cloudext/json/#")),
                clientId,
                event -> received.addAll(((ThingseeMessagesReceived) event).messages()),
                meters);
    }

    private double rejected(String reason) {
        var counter = meters.find(StreamRejections.METER).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<Long> transactionIds() {
        return received.stream().map(event -> event.message().transactionId()).toList();
    }
}
