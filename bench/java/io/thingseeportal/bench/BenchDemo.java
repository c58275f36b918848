package io.thingseeportal.bench;

import io.thingseeportal.Application;
import io.thingseeportal.RunningDemo;
import io.thingseeportal.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole demo as {@link RunningDemo} starts it (embedded broker, demo identity provider, simulator, free ports),
 * but on a fresh PostgreSQL database of the integration tests' server instead of the demo's H2 file.
 */
public final class BenchDemo {

    private BenchDemo() {}

    public static RunningDemo startOn(String database) {
        String url = TestPostgres.freshDatabase(database);
        try {
            String issuer = "http://127.0.0.1:" + freePort();
            ConfigurableApplicationContext demo = new SpringApplicationBuilder(Application.class)
                    .profiles("demo")
                    .run(
                            // Arguments, not default properties: they must win over the demo profile's H2.
                            "--server.port=0",
                            "--portal.demo.data-directory=" + Files.createTempDirectory("portal-bench-demo"),
                            "--portal.demo.broker.port=" + freePort(),
                            "--portal.demo.idp.issuer=" + issuer,
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=" + TestPostgres.USER,
                            "--spring.datasource.password=" + TestPostgres.PASSWORD);
            int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
            return new RunningDemo(demo, "http://localhost:" + port, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port of the demo's embedded MQTT broker. */
    public static int brokerPort(RunningDemo demo) {
        return Integer.parseInt(demo.context().getEnvironment().getRequiredProperty("portal.demo.broker.port"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
