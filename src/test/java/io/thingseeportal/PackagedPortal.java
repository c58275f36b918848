package io.thingseeportal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The jar that {@code ./mvnw package} builds, run as a process of its own in the production profile on a PostgreSQL
 * database, with one tenant, {@code acme}, whose data stream is the given broker and topic filter; the Thingsee API
 * and the identity provider point nowhere, since only the stream is used.
 */
public final class PackagedPortal implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedPortal(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Drops and creates the database, migrates it and adds the tenant {@code acme}, as an operator would before the
     * first start.
     *
     * @return its JDBC URL
     */
    public static String acmeDatabase(String name) {
        String url = TestPostgres.freshDatabase(name);
        var dataSource = new DriverManagerDataSource(url, TestPostgres.USER, TestPostgres.PASSWORD);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient.create(dataSource)
                .sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP)")
                .update();
        return url;
    }

    /** The jar in {@code target/}. */
    public static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("thingsee-portal-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the portal and waits until its health is UP (the stream connected and subscribed). */
    public static PackagedPortal start(
            String databaseUrl, String brokerUrl, String topicFilter, String clientId, String... more) {
        PackagedPortal portal = launch(databaseUrl, brokerUrl, topicFilter, clientId, more);
        portal.awaitHealthy();
        return portal;
    }

    /**
     * Starts the portal and returns at once.
     *
     * @param clientId the MQTT client id: the same id again resumes the broker's session
     * @param more further arguments, {@code --name=value}
     */
    public static PackagedPortal launch(
            String databaseUrl, String brokerUrl, String topicFilter, String clientId, String... more) {
        try {
            int port = FreePorts.next();
            Path log = Files.createTempFile("portal-" + clientId, ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    jar().toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + databaseUrl,
                    "--spring.datasource.username=" + TestPostgres.USER,
                    "--spring.datasource.password=" + TestPostgres.PASSWORD,
                    "--portal.oidc.issuer-uri=http://127.0.0.1:1/unused",
                    "--portal.oidc.client-id=packaged-portal",
                    "--portal.oidc.client-secret=packaged-portal",
                    "--portal.secrets.key=cGFja2FnZWQtcG9ydGFsLWtleS0zMi1ieXRlcy1sb24=",
                    "--portal.groups.scheduled-sync=false",
                    "--portal.mqtt.client-id=" + clientId,
                    "--portal.thingsee.tenants.acme.base-url=http://127.0.0.1:1/unused/",
                    "--portal.thingsee.tenants.acme.client-id=packaged-portal",
                    "--portal.thingsee.tenants.acme.client-secret=packaged-portal",
                    "--portal.thingsee.tenants.acme.stream.broker-url=" + brokerUrl,
                    "--portal.thingsee.tenants.acme.stream.topic-filters=" + topicFilter));
            command.addAll(List.of(more));
            var builder = new ProcessBuilder(command);
            // JVM options for the portal (a profiler, for example), from the runner's -Dportal.java-options.
            String javaOptions = System.getProperty("portal.java-options");
            if (javaOptions != null) {
                builder.environment().put("JAVA_TOOL_OPTIONS", javaOptions);
            }
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            // A runner that dies (a failed benchmark, an interrupted build) takes its portal with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new PackagedPortal(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: the portal gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as a service manager stops it, and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Waits until the portal's health is UP. */
    public void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The portal stopped; its log is " + log);
                    }
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
    }
}
