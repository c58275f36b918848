package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.PackagedPortal;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.thingsee.mqtt.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Nothing is lost and nothing counted twice across a stop and a crash: the packaged portal (production profile, on
 * PostgreSQL) is killed with SIGKILL while it ingests, more messages are published while it is down, and after the
 * restart every device has exactly the messages that were published for it, and the newest battery.
 */
abstract class StreamRestart {

    static final int DEVICES = 100;
    static final int WHILE_RUNNING = 150; // per device: 15,000 messages, the portal killed while it takes them in
    static final int WHILE_DOWN = 50; // per device: 5,000 messages published while no portal runs

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String root = "restart-" + run + "/acme/";
    final List<PackagedPortal> portals = new ArrayList<>();
    TestBroker broker;
    JdbcClient jdbc;
    String database;

    abstract TestBroker broker();

    abstract String name();

    /** Publishes in flight at once, below the broker's receive maximum (Paho refuses to send more). */
    abstract int publishWindow();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (PackagedPortal portal : portals) {
            portal.kill();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void messages_published_while_the_portal_is_killed_or_stopped_all_land_exactly_once() throws Exception {
        broker = broker();
        broker.start();
        database = PackagedPortal.acmeDatabase("portal_stream_restart_" + name() + "_it");
        jdbc = JdbcClient.create(new DriverManagerDataSource(database, TestPostgres.USER, TestPostgres.PASSWORD));

        PackagedPortal first = startPortal();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(0, WHILE_RUNNING));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (publishing.isCompletedExceptionally()) {
                        publishing.join(); // the publisher's failure, not a time-out
                    }
                    return stored() >= 2000;
                });
        first.kill();
        long atKill = stored();
        assertThat(atKill).as("killed in the middle of the stream").isLessThan((long) DEVICES * WHILE_RUNNING);
        publishing.join();
        publish(WHILE_RUNNING, WHILE_RUNNING + WHILE_DOWN);

        startPortal();
        int perDevice = WHILE_RUNNING + WHILE_DOWN;
        await().atMost(Duration.ofSeconds(180)).until(() -> stored() >= (long) DEVICES * perDevice);

        Map<String, Long> counts = jdbc
                .sql("SELECT tuid, count(*) AS n FROM device_message GROUP BY tuid")
                .query((row, i) -> Map.entry(row.getString("tuid"), row.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(counts).hasSize(DEVICES);
        assertThat(counts.values()).allMatch(count -> count == perDevice);
        assertThat(jdbc.sql("SELECT DISTINCT battery_level FROM device")
                        .query(Integer.class)
                        .list())
                .containsExactly(battery(perDevice - 1));
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM device_message").query(Long.class).single();
    }

    private static int battery(int index) {
        return 100 - index % 100;
    }

    private static String tuid(int device) {
        return "TSPR04RST%05d".formatted(device) + "00";
    }

    private void publish(int from, int to) {
        try {
            var client =
                    new MqttAsyncClient(broker.url(), "restart-publisher-" + run + "-" + from, new MemoryPersistence());
            var options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(10_000);
            List<IMqttToken> window = new ArrayList<>();
            long base = 1_700_000_000L;
            for (int index = from; index < to; index++) {
                for (int device = 0; device < DEVICES; device++) {
                    String tuid = tuid(device);
                    String json =
                            "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":%d,\"tsmTuid\":\"%s\",\"deploymentGroupId\":\"prfi00restart\",\"batl\":%d,\"chrg\":0}"
                                    .formatted(base + index, tuid, battery(index));
                    window.add(client.publish(
                            root + "cloudext/json/pr/fi/prfi00restart/" + tuid + "/1110",
                            json.getBytes(StandardCharsets.UTF_8),
                            1,
                            false));
                    if (window.size() >= publishWindow()) {
                        for (IMqttToken token : window) {
                            token.waitForCompletion(10_000);
                        }
                        window.clear();
                    }
                }
            }
            for (IMqttToken token : window) {
                token.waitForCompletion(10_000);
            }
            client.disconnect().waitForCompletion(10_000);
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PackagedPortal startPortal() {
        PackagedPortal portal =
                PackagedPortal.start(database, broker.url(), root + "cloudext/json/#", "restart-it-" + run);
        portals.add(portal);
        return portal;
    }
}
