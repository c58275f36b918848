package io.thingseeportal.thingsee.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Publishes as the Thingsee cloud does: QoS 1, one message per connection, so that it is on the broker on return. */
final class TestPublisher {

    private TestPublisher() {}

    static void publish(String brokerUrl, String topic, String payload) throws MqttException {
        publish(brokerUrl, new MqttConnectionOptions(), topic, payload);
    }

    static void publish(String brokerUrl, MqttConnectionOptions options, String topic, String payload)
            throws MqttException {
        var publisher = new MqttClient(brokerUrl, "publisher-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            publisher.connect(options);
            publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.disconnect();
        } finally {
            publisher.close();
        }
    }

    /** A configuration echo with the given transaction id, a complete Thingsee header. */
    static String echo(String tuid, long transactionId) {
        return """
                {"tsmId":1500,"tsmEv":31,"tsmTs":1503714007,"tsmTuid":"%s","transactionId":%d,
                 "measurementInterval":10,"reportInterval":60,"deploymentGroupId":"prfi00office"}""".formatted(tuid, transactionId);
    }
}
