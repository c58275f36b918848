package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's stream on a TLS broker that, like Haltian's, admits only clients with a certificate it trusts. */
class MqttTlsIT {

    static final String TOPIC = "cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1110";

    TestCertificates certificates;
    TestBroker broker;
    TenantStream stream;
    final Queue<ThingseeMessageReceived> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startTlsBroker() {
        certificates = TestCertificates.create(TestBroker.tempDirectory("portal-tls"));
        broker = new TestBroker.Mosquitto(certificates);
        broker.start();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.stop();
        }
        broker.stop();
    }

    @Test
    void with_the_client_certificate_and_trust_store_from_the_settings_it_receives_device_messages() throws Exception {
        stream = stream(withClientCertificate());
        stream.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> stream.state().subscribed());

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            publishOverTls(
                    "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":1768464000,\"tsmTuid\":\"TSPR04EZU31901021\",\"batl\":74}");
            return !received.isEmpty();
        });
        assertThat(received.peek().message().field("batl")).contains(74);
    }

    @Test
    void without_a_client_certificate_the_broker_refuses_it() throws Exception {
        stream = stream(new ThingseeProperties.Tls(
                null, null, "PKCS12", certificates.trustStore(), certificates.password(), "PKCS12"));
        stream.start();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !stream.isConnected());
    }

    private ThingseeProperties.Tls withClientCertificate() {
        return new ThingseeProperties.Tls(
                certificates.clientStore(),
                certificates.password(),
                "PKCS12",
                certificates.trustStore(),
                certificates.password(),
                "PKCS12");
    }

    private TenantStream stream(ThingseeProperties.Tls tls) throws Exception {
        return MqttTestSettings.tenantStream(
                "acme",
                MqttTestSettings.stream(broker.url(), List.of("cloudext/json/#"), tls),
                "portal-tls-" + UUID.randomUUID(),
                event -> received.addAll(((ThingseeMessagesReceived) event).messages()),
                new SimpleMeterRegistry());
    }

    private void publishOverTls(String payload) throws Exception {
        var options = PahoOptions.of(
                MqttTestSettings.stream(broker.url(), List.of("#"), withClientCertificate()),
                MqttTestSettings.node("publisher"));
        TestPublisher.publish(broker.url(), options, TOPIC, payload);
    }
}
