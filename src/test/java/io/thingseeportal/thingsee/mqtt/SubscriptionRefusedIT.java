package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * A subscription that cannot be made must not pass for one. Here HiveMQ announces in its CONNACK that it takes no
 * wildcard subscriptions and Paho refuses the filter before sending it; a SUBACK failure code (0x80 and above) takes
 * the same path (see {@link TenantStreamTest}). The stream stays connected and unsubscribed, its health DOWN, and keeps
 * asking with a growing wait.
 */
class SubscriptionRefusedIT {

    final TestBroker.HiveMq broker = new TestBroker.HiveMq().withoutWildcardSubscriptions();
    TenantStream stream;

    @AfterEach
    void stopEverything() {
        if (stream != null) {
            stream.stop();
        }
        broker.stop();
    }

    @Test
    void a_filter_the_broker_refuses_keeps_the_stream_unsubscribed_and_its_health_down() throws Exception {
        broker.start();
        stream = MqttTestSettings.tenantStream(
                "acme",
                MqttTestSettings.stream(
                        broker.url(),
                        List.of(
                                "acme/cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1500",
                                "acme/cloudext/json/#")),
                "portal-refused-" + UUID.randomUUID(),
                event -> {},
                new SimpleMeterRegistry());
        stream.start();
        await().atMost(Duration.ofSeconds(15)).until(stream::isConnected);

        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(() -> !stream.state().subscribed());
        assertThat(stream.isConnected()).isTrue();
        assertThat(new TenantStreamsHealthIndicator(() -> List.of(stream.state()), () -> true)
                        .health()
                        .getStatus())
                .isEqualTo(Status.DOWN);
    }
}
