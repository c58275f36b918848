package io.thingseeportal.thingsee.mqtt;

import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Reports the broker UP when a short MQTT 5 connection to it succeeds. Shown as {@code mqtt} in the health. */
@Component("mqtt")
class MqttBrokerHealthIndicator extends AbstractHealthIndicator {

    private final MqttProperties properties;

    MqttBrokerHealthIndicator(MqttProperties properties) {
        super("MQTT broker health check failed");
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws MqttException {
        String clientId = properties.clientIdPrefix() + "-health-" + UUID.randomUUID();
        var client = new MqttClient(properties.brokerUrl().toString(), clientId, new MemoryPersistence());
        try {
            client.connect(options());
            client.disconnect();
        } finally {
            client.close();
        }
        builder.up().withDetail("broker", properties.brokerUrl().toString());
    }

    private MqttConnectionOptions options() {
        var options = PahoOptions.of(properties);
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        return options;
    }
}
