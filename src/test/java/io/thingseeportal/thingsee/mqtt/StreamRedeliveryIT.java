package io.thingseeportal.thingsee.mqtt;

import static io.thingseeportal.thingsee.mqtt.TestPublisher.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A listener that fails keeps its batch unacknowledged: the worker offers it again, and a portal stopped meanwhile gets
 * it from the broker after its restart. Once a listener succeeded, the message is acknowledged and never comes back.
 */
class StreamRedeliveryIT {

    static final String TUID = "TSPR04EZU31901021";
    static final String TOPIC = "acme/cloudext/json/pr/fi/prfi00office/" + TUID + "/1500";
    static final long FAILING = 7;

    final Queue<Long> processed = new ConcurrentLinkedQueue<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger failedAttempts = new AtomicInteger();
    final String clientId = "portal-redelivery-" + UUID.randomUUID();
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
    void a_batch_whose_listener_failed_until_the_portal_stopped_is_delivered_again_after_the_restart_and_processed_once(
            Supplier<TestBroker> brokers) throws Exception {
        startBrokerAndStream(brokers);
        failuresLeft.set(Integer.MAX_VALUE);

        TestPublisher.publish(broker.url(), TOPIC, echo(TUID, FAILING));
        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttempts.get() >= 2);
        stream.stop();
        assertThat(processed).doesNotContain(FAILING);

        failuresLeft.set(0);
        stream = stream();
        stream.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> processed.contains(FAILING));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> timesProcessed(FAILING) == 1);
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void a_batch_that_succeeded_on_a_retry_is_acknowledged_and_not_delivered_again_after_a_restart(
            Supplier<TestBroker> brokers) throws Exception {
        startBrokerAndStream(brokers);
        failuresLeft.set(2);

        TestPublisher.publish(broker.url(), TOPIC, echo(TUID, FAILING));
        await().atMost(Duration.ofSeconds(10)).until(() -> processed.contains(FAILING));
        assertThat(failedAttempts.get()).isEqualTo(2);
        stream.stop();
        stream = stream();
        stream.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> stream.state().subscribed());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> timesProcessed(FAILING) == 1);
    }

    private void startBrokerAndStream(Supplier<TestBroker> brokers) throws MqttException {
        broker = brokers.get();
        broker.start();
        stream = stream();
        stream.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> stream.state().subscribed());
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            TestPublisher.publish(broker.url(), TOPIC, echo(TUID, 0));
            return processed.contains(0L);
        });
    }

    private TenantStream stream() throws MqttException {
        return MqttTestSettings.tenantStream(
                "acme",
                MqttTestSettings.stream(broker.url(), List.of("acme/cloudext/json/#")),
                clientId,
                event -> {
                    List<Long> ids = ((ThingseeMessagesReceived) event)
                            .messages().stream()
                                    .map(received -> received.message().transactionId())
                                    .toList();
                    if (ids.contains(FAILING) && failuresLeft.getAndDecrement() > 0) {
                        failedAttempts.incrementAndGet();
                        throw new IllegalStateException("the database is away");
                    }
                    processed.addAll(ids);
                },
                new SimpleMeterRegistry());
    }

    private long timesProcessed(long transactionId) {
        return processed.stream().filter(id -> id == transactionId).count();
    }
}
