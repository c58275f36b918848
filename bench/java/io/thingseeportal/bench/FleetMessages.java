package io.thingseeportal.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A fleet's messages as the Thingsee cloud publishes them: QoS 1, each device in turn, four weather readings (12100)
 * for every battery report (1110), each message with a time of its own, so that the history keeps every one.
 *
 * @param root the topic root, ending in {@code /}
 * @param devices how many devices take turns
 * @param perDevice messages per device
 * @param firstTsmTs the first message's {@code tsmTs} (epoch seconds); a device's k-th message has
 *     {@code firstTsmTs + k}
 */
record FleetMessages(String root, int devices, int perDevice, long firstTsmTs) {

    int total() {
        return devices * perDevice;
    }

    long lastTsmTs() {
        return firstTsmTs + perDevice - 1;
    }

    static String tuid(int device) {
        return "TSPR04BEN%05d00".formatted(device);
    }

    /** Each device's battery level in its newest 1110. */
    int newestBattery() {
        int index = perDevice - 1;
        while (tsmId(index) != 1110) {
            index--;
        }
        return battery(index);
    }

    static int battery(int index) {
        return 100 - index % 100;
    }

    String topic(int device, int index) {
        return root + "cloudext/json/pr/fi/prfi00bench/" + tuid(device) + "/" + tsmId(index);
    }

    byte[] payload(int device, int index) {
        String header = "{\"tsmId\":%d,\"tsmEv\":10,\"tsmTs\":%d,\"tsmTuid\":\"%s\",\"tsmGw\":\"TSGW06BENCH00001\","
                        .formatted(tsmId(index), firstTsmTs + index, tuid(device))
                + "\"deploymentGroupId\":\"prfi00bench\",";
        String own = tsmId(index) == 1110
                ? "\"batl\":%d,\"chrg\":0}".formatted(battery(index))
                : "\"temp\":%.1f,\"humd\":%d,\"airp\":%d,\"lght\":%d}"
                        .formatted(
                                20 + (device % 50) / 10.0 + index % 7 / 10.0,
                                30 + index % 40,
                                101_000 + index % 900,
                                index % 500);
        return (header + own).getBytes(StandardCharsets.UTF_8);
    }

    private static int tsmId(int index) {
        return index % 5 == 4 ? 1110 : 12100;
    }

    /**
     * Publishes every message, with at most {@code window} unacknowledged at once (below the broker's receive
     * maximum), and returns when the broker has acknowledged the last.
     *
     * @return the milliseconds it took
     */
    long publish(String brokerUrl, int window) throws MqttException {
        var client = new MqttAsyncClient(brokerUrl, "bench-publisher-" + UUID.randomUUID(), new MemoryPersistence());
        var options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSocketFactory(NoDelay.FACTORY);
        client.connect(options).waitForCompletion(10_000);
        long start = System.nanoTime();
        Deque<IMqttToken> inFlight = new ArrayDeque<>();
        for (int index = 0; index < perDevice; index++) {
            for (int device = 0; device < devices; device++) {
                if (inFlight.size() >= window) {
                    inFlight.removeFirst().waitForCompletion(30_000);
                }
                inFlight.addLast(publish(client, topic(device, index), payload(device, index)));
            }
        }
        while (!inFlight.isEmpty()) {
            inFlight.removeFirst().waitForCompletion(30_000);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        client.disconnect().waitForCompletion(10_000);
        client.close();
        return millis;
    }

    /**
     * Publishes one message; when Paho has not yet freed the slot of an acknowledged one ("too many publishes in
     * progress", a moment after the token completed), tries again.
     */
    private static IMqttToken publish(MqttAsyncClient client, String topic, byte[] payload) throws MqttException {
        while (true) {
            try {
                return client.publish(topic, payload, 1, false);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
