package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscriber on a TLS broker that, like Haltian's, admits only clients with a certificate it trusts. */
class MqttTlsIT {

    TestCertificates certificates;
    TestBroker broker;
    ThingseeMqttSubscriber subscriber;
    final Queue<ThingseeMessageReceived> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startTlsBroker() {
        certificates = TestCertificates.create(TestBroker.tempDirectory("portal-tls"));
        broker = new TestBroker.Mosquitto(certificates);
        broker.start();
    }

    @AfterEach
    void stop() {
        if (subscriber != null) {
            subscriber.stop();
        }
        broker.stop();
    }

    @Test
    void with_the_client_certificate_and_trust_store_from_the_settings_it_receives_device_messages() throws Exception {
        subscriber = subscriber(withClientCertificate());
        subscriber.start();
        await().atMost(Duration.ofSeconds(15)).until(subscriber::isConnected);

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            publishOverTls("{\"tsmId\":1110,\"tsmEv\":10,\"tsmTuid\":\"TSPR04EZU31901021\",\"batl\":74}");
            return !received.isEmpty();
        });
        assertThat(received.peek().message().field("batl")).contains(74);
    }

    @Test
    void without_a_client_certificate_the_broker_refuses_it() throws Exception {
        subscriber = subscriber(new MqttProperties.Tls(
                null, null, "PKCS12", certificates.trustStore(), certificates.password(), "PKCS12"));
        subscriber.start();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !subscriber.isConnected());
    }

    private MqttProperties.Tls withClientCertificate() {
        return new MqttProperties.Tls(
                certificates.clientStore(),
                certificates.password(),
                "PKCS12",
                certificates.trustStore(),
                certificates.password(),
                "PKCS12");
    }

    private ThingseeMqttSubscriber subscriber(MqttProperties.Tls tls) throws Exception {
        var settings = MqttTestSettings.forBroker(URI.create(broker.url()), "portal-tls-" + UUID.randomUUID(), tls);
        return new ThingseeMqttSubscriber(
                settings,
                settings.subscriber().clientId(),
                new ThingseePayloadParser(new ObjectMapper()),
                event -> received.addAll(((ThingseeMessagesReceived) event).messages()),
                new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    private void publishOverTls(String payload) throws Exception {
        var settings = MqttTestSettings.forBroker(URI.create(broker.url()), "publisher", withClientCertificate());
        var publisher = new MqttClient(broker.url(), "publisher-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            publisher.connect(PahoOptions.of(settings));
            publisher.publish("cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1110", payload.getBytes(), 1, false);
            publisher.disconnect();
        } finally {
            publisher.close();
        }
    }
}
