package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.TestPostgres;
import io.thingseeportal.thingsee.mqtt.TestBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.flywaydb.core.Flyway;
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
    final List<Process> portals = new ArrayList<>();
    TestBroker broker;
    JdbcClient jdbc;
    String database;

    abstract TestBroker broker();

    abstract String name();

    /** Publishes in flight at once, below the broker's receive maximum (Paho refuses to send more). */
    abstract int publishWindow();

    @AfterEach
    void stopEverything() {
        portals.forEach(Process::destroyForcibly);
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void messages_published_while_the_portal_is_killed_or_stopped_all_land_exactly_once() throws Exception {
        broker = broker();
        broker.start();
        database = TestPostgres.freshDatabase("portal_stream_restart_" + name() + "_it");
        var dataSource = new DriverManagerDataSource(database, TestPostgres.USER, TestPostgres.PASSWORD);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP)")
                .update();

        Process first = startPortal();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(0, WHILE_RUNNING));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (publishing.isCompletedExceptionally()) {
                        publishing.join(); // the publisher's failure, not a time-out
                    }
                    return stored() >= 2000;
                });
        first.destroyForcibly().waitFor();
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

    private Process startPortal() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("thingsee-portal-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw verify"));
        }
        int port = freePort();
        Path log = Files.createTempFile("portal-restart-" + name(), ".log");
        Process portal = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=" + TestPostgres.PASSWORD,
                        "--portal.oidc.issuer-uri=http://127.0.0.1:1/unused",
                        "--portal.oidc.client-id=restart-it",
                        "--portal.oidc.client-secret=restart-it",
                        "--portal.groups.scheduled-sync=false",
                        "--portal.mqtt.client-id=restart-it-" + run,
                        "--portal.thingsee.tenants.acme.base-url=http://127.0.0.1:1/unused/",
                        "--portal.thingsee.tenants.acme.client-id=restart-it",
                        "--portal.thingsee.tenants.acme.client-secret=restart-it",
                        "--portal.thingsee.tenants.acme.stream.broker-url=" + broker.url(),
                        "--portal.thingsee.tenants.acme.stream.topic-filters=" + root + "cloudext/json/#"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        portals.add(portal);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try {
                        return http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body()
                                .contains("\"UP\"");
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return portal;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
