package io.thingseeportal.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Speaks for devices that are offline at the simulator: publishes the echoes of their commands (REFERENCE 5.3: the
 * same {@code tsmId}, {@code tsmEv} 31, the command's {@code transactionId} and the fields it asked) to the broker as
 * the Thingsee cloud would, {@code <root>cloudext/json/pr/fi/<group>/<tuid>/<tsmId>}, QoS 1, at a steady rate. Every
 * tenth echo goes to one of the watched devices in turn, the others to the background devices' commands in order.
 * After each echo of a watched device its next command is sent, once the echo has been matched (so that a slow echo is
 * never superseded by it), so that each of its echoes answers a command of its own; a watched device's slot that
 * comes before its next command is sent answers a background command instead, so that the rate holds.
 */
final class EchoPublisher implements AutoCloseable {

    /** A command waiting for its echo: the device, its transactionId, what it asked, and its marker. */
    record Echo(String tuid, long transactionId, Map<String, Object> fields, int marker) {}

    /** An echo of a watched device: which one, its command, its command's marker, and when it was handed over. */
    record Published(int device, long transactionId, int marker, long millis) {}

    private static final int WATCHED_SHARE = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttAsyncClient client;
    private final String topicRoot;
    private final String group;
    private final ScheduledExecutorService commander;
    private final List<Published> published = new ArrayList<>();
    private volatile boolean running;
    private volatile long failures;
    private volatile long watchedNotReady;
    private int backgroundSent;
    /** Each watched device's commands are numbered across rounds, so that its page's rows tell them apart. */
    private final int[] markers;
    /** Numbers its page shows for other reasons (the report interval, the rollouts' markers): never a marker. */
    private final Set<Integer> reserved;

    private Thread thread = new Thread(() -> {});

    EchoPublisher(String brokerUrl, String topicRoot, String group, int watched, Set<Integer> reserved)
            throws MqttException {
        this.topicRoot = topicRoot;
        this.group = group;
        this.markers = new int[watched];
        this.reserved = Set.copyOf(reserved);
        // One thread per watched device: each waits for its device's previous echo to be matched.
        this.commander = Executors.newScheduledThreadPool(watched);
        client = new MqttAsyncClient(brokerUrl, "echo-bench-" + UUID.randomUUID(), new MemoryPersistence());
        var options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
    }

    private int nextMarker(int device) {
        int marker = ++markers[device];
        while (reserved.contains(marker)) {
            marker = ++markers[device];
        }
        return marker;
    }

    /**
     * Starts publishing {@code rate} echoes a second until {@link #stop()}.
     *
     * @param watched each watched device's first command
     * @param background the other commands, answered in order; the round ends before they run out
     * @param next sends a watched device's next command (after its previous one, with this marker) and returns it
     */
    void start(int rate, List<Echo> watched, List<Echo> background, BiFunction<Echo, Integer, Echo> next) {
        running = true;
        backgroundSent = 0;
        var current = new AtomicReferenceArray<Echo>(watched.toArray(Echo[]::new));
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long watchedPeriod = period * WATCHED_SHARE * watched.size();
        thread = new Thread(
                () -> {
                    long next0 = System.nanoTime();
                    long wait;
                    for (long slot = 0; running; slot++) {
                        wait = next0 - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        next0 += period;
                        if (slot % WATCHED_SHARE == 0) {
                            int device = (int) ((slot / WATCHED_SHARE) % watched.size());
                            Echo echo = current.getAndSet(device, null);
                            if (echo == null) {
                                // Its next command is not sent yet: the slot answers a background command instead.
                                watchedNotReady++;
                                sendBackground(background);
                                continue;
                            }
                            long now = System.currentTimeMillis();
                            if (send(echo, now)) {
                                synchronized (published) {
                                    published.add(new Published(device, echo.transactionId(), echo.marker(), now));
                                }
                            }
                            int marker = nextMarker(device);
                            commander.schedule(
                                    () -> current.set(device, next.apply(echo, marker)),
                                    watchedPeriod / 2,
                                    TimeUnit.NANOSECONDS);
                        } else {
                            sendBackground(background);
                        }
                    }
                },
                "echo-bench-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    /** The watched devices' echoes published so far, and forgets them. */
    /** The watched devices' echoes published since the last {@link #takePublished()}, which keeps them. */
    List<Published> publishedSoFar() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    List<Published> takePublished() {
        synchronized (published) {
            List<Published> taken = List.copyOf(published);
            published.clear();
            return taken;
        }
    }

    int backgroundSent() {
        return backgroundSent;
    }

    long failures() {
        return failures;
    }

    long watchedNotReady() {
        return watchedNotReady;
    }

    private void sendBackground(List<Echo> background) {
        if (backgroundSent < background.size()) {
            send(background.get(backgroundSent++), System.currentTimeMillis());
        }
    }

    private boolean send(Echo echo, long millis) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("tsmId", BulkRounds.TSM_ID);
        message.put("tsmEv", 31);
        message.put("tsmTs", BigDecimal.valueOf(millis, 3));
        message.put("tsmTuid", echo.tuid());
        message.put("tsmGw", "TSGW01BENCH00001");
        message.put("deploymentGroupId", group);
        message.put("transactionId", echo.transactionId());
        message.putAll(echo.fields());
        String topic = topicRoot + "cloudext/json/" + group.substring(0, 2) + "/" + group.substring(2, 4) + "/" + group
                + "/" + echo.tuid() + "/" + BulkRounds.TSM_ID;
        try {
            client.publish(topic, JSON.writeValueAsBytes(message), 1, false);
            return true;
        } catch (MqttException | JsonProcessingException e) {
            failures++;
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        commander.shutdownNow();
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(10_000);
        }
        client.close(true);
    }
}
