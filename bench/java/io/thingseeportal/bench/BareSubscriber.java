package io.thingseeportal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The yardstick: a plain Paho v5 subscriber at QoS 1 that parses every message's JSON and notes its key (TUID, tsmId,
 * tsmTs), nothing else. Paho acknowledges each message when the callback returns.
 */
final class BareSubscriber implements MqttCallback, AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> keys = new HashSet<>();
    private final MqttAsyncClient client;
    private final CountDownLatch all;
    private int duplicates;
    private int broken;

    BareSubscriber(String brokerUrl, String topicFilter, int expected) throws MqttException {
        this(brokerUrl, "bench-bare-" + UUID.randomUUID(), false, topicFilter, expected);
    }

    /**
     * @param persistent whether the broker keeps the session (clean start off, a day's expiry), as the portal's stream
     *     does: what is published while this client id is away waits for it
     */
    BareSubscriber(String brokerUrl, String clientId, boolean persistent, String topicFilter, int expected)
            throws MqttException {
        this.all = new CountDownLatch(expected);
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        client.setCallback(this);
        var options = new MqttConnectionOptions();
        options.setCleanStart(!persistent);
        if (persistent) {
            options.setSessionExpiryInterval(86_400L);
        }
        options.setSocketFactory(NoDelay.FACTORY);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(topicFilter, 1).waitForCompletion(10_000);
    }

    /** Waits until every expected message has arrived once. */
    boolean await(long seconds) throws InterruptedException {
        return all.await(seconds, TimeUnit.SECONDS);
    }

    synchronized int received() {
        return keys.size();
    }

    synchronized int duplicates() {
        return duplicates;
    }

    synchronized int broken() {
        return broken;
    }

    @Override
    public synchronized void messageArrived(String topic, MqttMessage message) {
        try {
            JsonNode node = json.readTree(message.getPayload());
            String key = node.path("tsmTuid").asText()
                    + ' '
                    + node.path("tsmId").asInt()
                    + ' '
                    + node.path("tsmTs").asLong();
            if (keys.add(key)) {
                all.countDown();
            } else {
                duplicates++;
            }
        } catch (java.io.IOException e) {
            broken++;
        }
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
