package io.thingseeportal.demo.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.FreePorts;
import io.thingseeportal.demo.DemoProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's embedded HiveMQ with a real Paho v5 subscriber that acknowledges what arrived together, as the portal does. */
class EmbeddedBrokerIT {

    private static final int PUBLISHED = 300;

    @TempDir
    Path data;

    private final ScheduledExecutorService acknowledging = Executors.newSingleThreadScheduledExecutor();
    private EmbeddedBroker broker;
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        acknowledging.shutdownNow();
        for (MqttAsyncClient client : clients) {
            client.disconnectForcibly(1_000);
            client.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void a_subscriber_that_acknowledges_late_gets_more_than_fifty_messages_at_a_time() throws Exception {
        int port = FreePorts.next();
        broker = new EmbeddedBroker(new DemoProperties.Broker(true, port, "127.0.0.1"), data);
        String url = "tcp://127.0.0.1:" + port;
        var arrived = new ConcurrentLinkedQueue<Integer>();
        var received = new AtomicInteger();
        var mostUnacknowledged = new AtomicInteger();
        // The portal's session: subscribed once, then away while the messages queue (a restart under load).
        client(url, "late-acknowledging-subscriber", false)
                .subscribe("window/#", 1)
                .waitForCompletion(10_000);
        clients.remove(0).disconnect().waitForCompletion(10_000);
        MqttAsyncClient publisher = client(url, "publisher", true);
        List<IMqttToken> sent = new ArrayList<>();
        for (int i = 0; i < PUBLISHED; i++) {
            sent.add(
                    publisher.publish("window/" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1, false));
        }
        for (IMqttToken token : sent) {
            token.waitForCompletion(10_000);
        }

        MqttAsyncClient subscriber = new MqttAsyncClient(url, "late-acknowledging-subscriber", new MemoryPersistence());
        clients.add(subscriber);
        subscriber.setManualAcks(true);
        subscriber.setCallback(new Arrivals(arrived, received, mostUnacknowledged));
        // As the portal: what arrived is acknowledged together later (after its batch's commit), here every 200 ms.
        acknowledging.scheduleWithFixedDelay(
                () -> {
                    for (Integer id = arrived.poll(); id != null; id = arrived.poll()) {
                        try {
                            subscriber.messageArrivedComplete(id, 1);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                },
                200,
                200,
                TimeUnit.MILLISECONDS);
        subscriber.connect(options(false)).waitForCompletion(10_000);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == PUBLISHED);
        assertThat(mostUnacknowledged.get())
                .as("messages delivered and not yet acknowledged, at most (HiveMQ CE's own limit: 50)")
                .isGreaterThan(50);
    }

    private MqttAsyncClient client(String url, String id, boolean cleanStart) throws Exception {
        var client = new MqttAsyncClient(url, id, new MemoryPersistence());
        clients.add(client);
        client.connect(options(cleanStart)).waitForCompletion(10_000);
        return client;
    }

    private static MqttConnectionOptions options(boolean cleanStart) {
        var options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(cleanStart ? 0L : 3_600L);
        return options;
    }

    /**
     * Notes what arrives, for the acknowledging thread, and how many messages were unacknowledged at most. Counted on
     * arrival: all of them may arrive before the acknowledging thread first looks.
     */
    private record Arrivals(
            ConcurrentLinkedQueue<Integer> arrived, AtomicInteger received, AtomicInteger mostUnacknowledged)
            implements org.eclipse.paho.mqttv5.client.MqttCallback {

        @Override
        public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
            received.incrementAndGet();
            arrived.add(message.getId());
            mostUnacknowledged.accumulateAndGet(arrived.size(), Math::max);
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(
                int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {}
    }
}
