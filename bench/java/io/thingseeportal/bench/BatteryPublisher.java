package io.thingseeportal.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A fleet of simulated devices publishing battery messages (1110, {@code batl}) straight to a broker, as the Thingsee
 * cloud does: {@code <root>cloudext/json/pr/fi/<group>/<tuid>/1110}, one JSON object per message, QoS 1. At a steady
 * rate, one message every {@code 1 / rate} seconds: every tenth goes to one of the watched devices in turn, the rest to
 * the other devices in turn. Each watched device's battery level cycles 1..99, so that every message of it changes
 * what its page shows; the publish time of each is kept.
 */
final class BatteryPublisher implements AutoCloseable {

    /** A message to a watched device: which one, the level it carried, and when it was handed to the client. */
    record Published(int device, int level, long millis) {}

    /** A level no message of the run carries, for the first message of each device. */
    static final int FIRST_LEVEL = 100;

    private static final int WATCHED_SHARE = 10;

    private final MqttAsyncClient client;
    private final String topicRoot;
    private final String group;
    private final List<String> tuids;
    private final int watched;
    private final List<Published> published = new ArrayList<>();
    private final int[] sent;
    private volatile boolean running;
    private volatile long failures;
    private Thread thread = new Thread(() -> {});

    BatteryPublisher(String brokerUrl, String topicRoot, String group, List<String> tuids, int watched)
            throws MqttException {
        this.topicRoot = topicRoot;
        this.group = group;
        this.tuids = List.copyOf(tuids);
        this.watched = watched;
        this.sent = new int[watched];
        client = new MqttAsyncClient(brokerUrl, "latency-bench-" + UUID.randomUUID(), new MemoryPersistence());
        var options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
    }

    /** One message per device, each with {@link #FIRST_LEVEL}, so that the portal knows every device. */
    void introduceAll() throws MqttException {
        for (String tuid : tuids) {
            publish(tuid, FIRST_LEVEL, System.currentTimeMillis()).waitForCompletion(10_000);
        }
    }

    /** Starts publishing {@code rate} messages a second until {@link #stop()}. */
    void start(int rate) {
        running = true;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        thread = new Thread(
                () -> {
                    long next = System.nanoTime();
                    int others = 0;
                    int otherCount = tuids.size() - watched;
                    for (long slot = 0; running; slot++) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        next += period;
                        if (slot % WATCHED_SHARE == 0) {
                            int device = (int) ((slot / WATCHED_SHARE) % watched);
                            int level = 1 + (sent[device]++ % 99);
                            long now = System.currentTimeMillis();
                            if (send(tuids.get(device), level, now)) {
                                synchronized (published) {
                                    published.add(new Published(device, level, now));
                                }
                            }
                        } else {
                            int device = watched + (others++ % otherCount);
                            send(tuids.get(device), 1 + (int) (slot % 99), System.currentTimeMillis());
                        }
                    }
                },
                "latency-bench-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    List<Published> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    long failures() {
        return failures;
    }

    private boolean send(String tuid, int level, long millis) {
        try {
            publish(tuid, level, millis);
            return true;
        } catch (MqttException e) {
            failures++;
            return false;
        }
    }

    private org.eclipse.paho.mqttv5.client.IMqttToken publish(String tuid, int level, long millis)
            throws MqttException {
        String topic = topicRoot + "cloudext/json/" + group.substring(0, 2) + "/" + group.substring(2, 4) + "/" + group
                + "/" + tuid + "/1110";
        String json = String.format(
                Locale.ROOT,
                "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":%d.%03d,\"tsmTuid\":\"%s\",\"tsmGw\":\"TSGW01BENCH00001\","
                        + "\"deploymentGroupId\":\"%s\",\"batl\":%d,\"chrg\":0}",
                millis / 1000,
                millis % 1000,
                tuid,
                group,
                level);
        return client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws Exception {
        stop();
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(10_000);
        }
        client.close(true);
    }
}
