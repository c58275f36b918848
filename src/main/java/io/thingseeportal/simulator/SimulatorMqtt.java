package io.thingseeportal.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
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
 * topics, one JSON object per message, at QoS 1 (REFERENCE 5.4 and 9.7).
 *
 * <p>Like Haltian's cloud, it does not lose a message because its broker restarts: once connected, a message published
 * while the connection is down waits in Paho's offline buffer, and one the broker had not yet acknowledged is sent
 * again, both as soon as the automatic reconnect succeeds. That needs a session that is not cleaned on reconnect, since
 * Paho drops its unacknowledged messages on a clean start; the broker keeps nothing for the simulator (session expiry 0),
 * as it subscribes to nothing. Only a message published before the first connection succeeded is lost, with a warning.
 */
@Component
@ConditionalOnSimulator
class SimulatorMqtt implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatorMqtt.class);
    private static final long WAIT_MILLIS = 5000;
    /** Messages kept while the broker is away: some hours of a demo fleet's periodic data. */
    private static final int OFFLINE_BUFFER = 100_000;

    private static final int MAX_RECONNECT_DELAY_SECONDS = 5;

    private final MqttAsyncClient client;
    private final ObjectMapper json;
    private final SimulatorProperties properties;
    private volatile boolean connectedOnce;

    SimulatorMqtt(SimulatorProperties properties, ObjectMapper json) throws MqttException {
        this.json = json;
        this.properties = properties;
        this.client = new MqttAsyncClient(
                String.valueOf(properties.brokerUrl()),
                "thingsee-simulator-" + UUID.randomUUID(),
                new MemoryPersistence());
        var buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(OFFLINE_BUFFER);
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(true);
        client.setBufferOpts(buffer);
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
            IMqttToken token = connected().publish(topic, json.writeValueAsBytes(message), 1, false);
            // While the connection is down the message waits in the offline buffer: waiting for it here would hold up
            // every device behind it until the broker is back.
            if (client.isConnected()) {
                token.waitForCompletion(WAIT_MILLIS);
            }
        } catch (MqttException e) {
            if (client.isConnected() || !connectedOnce) {
                log.warn("Simulated device message on {} lost: {}", topic, e.getMessage());
            } else {
                log.info("Simulated device message on {} waits for the broker: {}", topic, e.getMessage());
            }
        } catch (JsonProcessingException e) {
            log.warn("Simulated device message on {} lost: {}", topic, e.getMessage());
        }
    }

    /** Connects the first time; after that, Paho's automatic reconnect keeps the connection. */
    private synchronized MqttAsyncClient connected() throws MqttException {
        if (!connectedOnce) {
            var options = new MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(0L);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, MAX_RECONNECT_DELAY_SECONDS);
            client.connect(options).waitForCompletion(WAIT_MILLIS);
            connectedOnce = true;
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
