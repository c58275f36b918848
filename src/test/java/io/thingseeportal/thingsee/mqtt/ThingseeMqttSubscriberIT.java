package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The subscriber against real brokers: the machine's Mosquitto (run by the test on a port of its own, so that it can
 * be restarted) and the embedded HiveMQ of the demo.
 */
class ThingseeMqttSubscriberIT {

    static final String TUID = "TSPR04EZU31901021";
    static final String TOPIC = "cloudext/json/pr/fi/prfi00office/" + TUID + "/1500";

    final Queue<ThingseeMessageReceived> received = new ConcurrentLinkedQueue<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final String clientId = "portal-it-" + UUID.randomUUID();
    TestBroker broker;
    ThingseeMqttSubscriber subscriber;

    static List<Supplier<TestBroker>> brokers() {
        return List.of(TestBroker.Mosquitto::new, TestBroker.HiveMq::new);
    }

    @AfterEach
    void stopEverything() {
        if (subscriber != null) {
            subscriber.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void a_published_device_message_becomes_an_event(Supplier<TestBroker> brokers) throws Exception {
        startBrokerAndSubscriber(brokers);

        publish(TOPIC, echo(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> transactionIds().contains(1L));
        ThingseeMessageReceived event = received.peek();
        assertThat(event.topic()).isEqualTo(TOPIC);
        assertThat(event.groupId()).isEqualTo("prfi00office");
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void what_was_published_while_the_portal_was_down_arrives_when_it_is_back(Supplier<TestBroker> brokers)
            throws Exception {
        startBrokerAndSubscriber(brokers);
        subscriber.stop();

        publish(TOPIC, echo(2));
        subscriber = subscriber();
        subscriber.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> transactionIds().contains(2L));
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void the_subscriber_survives_a_broker_restart_and_gets_what_was_published_before_it_reconnected(
            Supplier<TestBroker> brokers) throws Exception {
        startBrokerAndSubscriber(brokers);

        broker.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !subscriber.isConnected());
        broker.start();
        publish(TOPIC, echo(3));

        await().atMost(Duration.ofSeconds(30)).until(() -> transactionIds().contains(3L));
        assertThat(subscriber.isConnected()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void malformed_payloads_are_counted_and_skipped(Supplier<TestBroker> brokers) throws Exception {
        startBrokerAndSubscriber(brokers);

        publish(TOPIC, "this is not json");
        publish(TOPIC, "[{\"tsmEv\":10}]");
        publish(TOPIC, echo(4));

        await().atMost(Duration.ofSeconds(10)).until(() -> transactionIds().contains(4L));
        assertThat(meters.get("thingsee.mqtt.messages")
                        .tag("outcome", "malformed")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(received).hasSize(1);
    }

    private void startBrokerAndSubscriber(Supplier<TestBroker> brokers) throws MqttException {
        broker = brokers.get();
        broker.start();
        subscriber = subscriber();
        subscriber.start();
        await().atMost(Duration.ofSeconds(15)).until(subscriber::isConnected);
        // The subscription is made right after connecting; a message to the session proves it is in place.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            publish(TOPIC, echo(0));
            return transactionIds().contains(0L);
        });
        received.clear();
    }

    private ThingseeMqttSubscriber subscriber() throws MqttException {
        var settings = MqttTestSettings.forBroker(URI.create(broker.url()), clientId);
        return new ThingseeMqttSubscriber(
                settings,
                clientId,
                new ThingseePayloadParser(new ObjectMapper()),
                event -> received.addAll(((ThingseeMessagesReceived) event).messages()),
                meters,
                Clock.systemUTC());
    }

    private List<Long> transactionIds() {
        return received.stream().map(event -> event.message().transactionId()).toList();
    }

    private void publish(String topic, String payload) throws MqttException {
        var publisher = new MqttClient(broker.url(), "publisher-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            publisher.connect(new MqttConnectionOptions());
            publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.disconnect();
        } finally {
            publisher.close();
        }
    }

    private static String echo(long transactionId) {
        return """
                {"tsmId":1500,"tsmEv":31,"tsmTs":1503714007,"tsmTuid":"%s","transactionId":%d,
                 "measurementInterval":10,"reportInterval":60,"deploymentGroupId":"prfi00office"}""".formatted(TUID, transactionId);
    }
}
