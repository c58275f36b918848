package io.thingseeportal.thingsee.mqtt;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.thingseeportal.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** An MQTT broker of the test's own, on a free port, that keeps its sessions across a restart. */
public interface TestBroker extends AutoCloseable {

    String url();

    void start();

    void stop();

    @Override
    default void close() {
        stop();
    }

    static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitListening(int port, boolean listening) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var socket = new Socket("127.0.0.1", port)) {
                return listening;
            } catch (IOException e) {
                return !listening;
            }
        });
    }

    /**
     * The machine's Mosquitto binary, run as a process of the test with persistence in a temporary folder; with
     * certificates, a TLS listener that requires a client certificate signed by the test CA.
     */
    final class Mosquitto implements TestBroker {
        private final int port = FreePorts.next();
        private final Path home = tempDirectory("portal-mosquitto");
        private final @org.jspecify.annotations.Nullable TestCertificates tls;
        private Process process;

        public Mosquitto() {
            this(null);
        }

        Mosquitto(@org.jspecify.annotations.Nullable TestCertificates tls) {
            this.tls = tls;
        }

        @Override
        public String url() {
            return (tls == null ? "tcp" : "ssl") + "://127.0.0.1:" + port;
        }

        @Override
        public void start() {
            try {
                // Started as root, Mosquitto drops to its own user, which must be able to write its persistence file.
                Files.setPosixFilePermissions(
                        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
                Path config = home.resolve("mosquitto.conf");
                String listener = """
                        listener %d 127.0.0.1
                        allow_anonymous true
                        persistence true
                        persistence_location %s/
                        max_queued_messages 1000000
                        max_inflight_messages 10000
                        """.formatted(port, home);
                if (tls != null) {
                    for (Path file : List.of(tls.caPem(), tls.serverPem(), tls.serverKey())) {
                        Files.setPosixFilePermissions(
                                file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                    }
                    Files.setPosixFilePermissions(
                            tls.caPem().getParent(),
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                    listener += """
                            cafile %s
                            certfile %s
                            keyfile %s
                            require_certificate true
                            """.formatted(tls.caPem(), tls.serverPem(), tls.serverKey());
                }
                Files.writeString(config, listener);
                String binary =
                        Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
                process = new ProcessBuilder(binary, "-c", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(home.resolve("mosquitto.log").toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "The MQTT tests need the mosquitto binary (apt-get install mosquitto)", e);
            }
            awaitListening(port, true);
        }

        @Override
        public void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                awaitListening(port, false);
            }
        }
    }

    /** HiveMQ Community Edition embedded, as the demo runs it. */
    final class HiveMq implements TestBroker {
        private final int port = FreePorts.next();
        private final Path home = tempDirectory("portal-hivemq");
        private boolean wildcards = true;
        private EmbeddedHiveMQ hivemq;

        /** A broker that refuses subscriptions with wildcards (SUBACK 0xA2), for the next start. */
        HiveMq withoutWildcardSubscriptions() {
            wildcards = false;
            return this;
        }

        @Override
        public String url() {
            return "tcp://127.0.0.1:" + port;
        }

        @Override
        public void start() {
            try {
                Path conf = Files.createDirectories(home.resolve("conf"));
                Files.writeString(conf.resolve("config.xml"), """
                        <?xml version="1.0"?>
                        <hivemq>
                            <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                            <mqtt>
                                <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                                <receive-maximum><server-receive-maximum>65535</server-receive-maximum></receive-maximum>
                                <wildcard-subscriptions><enabled>%s</enabled></wildcard-subscriptions>
                            </mqtt>
                            <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                        </hivemq>
                        """.formatted(port, wildcards));
                // As the demo's broker (EmbeddedBroker.MAX_INFLIGHT_MESSAGES): 10,000 unacknowledged messages per
                // client
                // instead of HiveMQ CE's internal 50.
                InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = 10_000;
                hivemq = EmbeddedHiveMQ.builder()
                        .withConfigurationFolder(conf)
                        .withDataFolder(Files.createDirectories(home.resolve("data")))
                        .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                        .withoutLoggingBootstrap()
                        .build();
                hivemq.start().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The embedded HiveMQ did not start", e);
            }
            awaitListening(port, true);
        }

        @Override
        public void stop() {
            if (hivemq != null) {
                try {
                    hivemq.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                hivemq = null;
                awaitListening(port, false);
            }
        }
    }
}
