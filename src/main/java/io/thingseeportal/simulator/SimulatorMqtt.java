package io.thingseeportal.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The simulated cloud's side of the data stream: it publishes device messages to the MQTT broker on Thingsee's
 * topics, one JSON object per message (REFERENCE 5.4 and 9.7). A message that cannot be delivered is lost, as a
 * device's message is when its network is down.
 */
@Component
@ConditionalOnSimulator
class SimulatorMqtt implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatorMqtt.class);
    private static final long WAIT_MILLIS = 5000;

    private final MqttAsyncClient client;
    private final ObjectMapper json;
    private final SimulatorProperties properties;

    SimulatorMqtt(SimulatorProperties properties, ObjectMapper json) throws MqttException {
        this.json = json;
        this.properties = properties;
        this.client = new MqttAsyncClient(
                String.valueOf(properties.brokerUrl()),
                "thingsee-simulator-" + UUID.randomUUID(),
                new MemoryPersistence());
    }

    /**
     * The topic of a device's message below its stack's topic root:
     * {@code cloudext/json/{env}/{country}/{groupId}/{tuid}/{tsmId}}.
     */
    static String topic(String groupId, String tuid, int tsmId) {
        String prefix = SimulatedDevice.UNASSIGNED.equals(groupId)
                ? "un/xx"
                : groupId.substring(0, 2) + "/" + groupId.substring(2, 4);
        return "cloudext/json/" + prefix + "/" + groupId + "/" + tuid + "/" + tsmId;
    }

    /** Publishes a device message of the stack on its topic, under the stack's topic root (REFERENCE 9.7). */
    void publish(String stack, String topic, Map<String, Object> message) {
        SimulatorProperties.Stack settings = properties.stacks().get(stack);
        publish(settings == null ? topic : settings.topicRoot() + topic, message);
    }

    void publish(String topic, Map<String, Object> message) {
        try {
            connected()
                    .publish(topic, json.writeValueAsBytes(message), 1, false)
                    .waitForCompletion(WAIT_MILLIS);
        } catch (MqttException | JsonProcessingException e) {
            log.warn("Simulated device message on {} lost: {}", topic, e.getMessage());
        }
    }

    private synchronized MqttAsyncClient connected() throws MqttException {
        if (!client.isConnected()) {
            var options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setAutomaticReconnect(true);
            client.connect(options).waitForCompletion(WAIT_MILLIS);
        }
        return client;
    }

    @Override
    public void destroy() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(WAIT_MILLIS);
        }
        client.close(true);
    }
}
