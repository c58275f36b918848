package io.thingseeportal.demo.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.thingseeportal.demo.DemoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The demo's MQTT 5 broker (HiveMQ Community Edition, embedded). It keeps its sessions and queued messages under the
 * demo's data directory, so that messages published while the portal was down are delivered after a restart; each
 * session may queue {@link #MAX_QUEUED_MESSAGES} of them.
 */
class EmbeddedBroker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /**
     * Messages the broker keeps per session for a client that is away or behind (HiveMQ's default is 1,000, a few
     * minutes of a demo fleet's stream): a portal restart under load must lose nothing.
     */
    static final long MAX_QUEUED_MESSAGES = 1_000_000;

    /**
     * QoS 1 messages the broker sends a client before it waits for their acknowledgements. HiveMQ CE caps this at 50
     * whatever the client's receive maximum, in an internal setting that no config.xml element reaches. The portal
     * acknowledges a message only after its batch is committed, so 50 messages per commit was the stream's ceiling (about
     * 1,700 a second, docs/benchmarks.md). Twice the portal's batch size: while one batch commits, the next arrives;
     * Mosquitto's documented setting is the same (docs/deployment.md).
     */
    static final int MAX_INFLIGHT_MESSAGES = 10_000;

    private final EmbeddedHiveMQ hivemq;

    EmbeddedBroker(DemoProperties.Broker settings, Path dataDirectory) {
        Path home = dataDirectory.resolve("hivemq").toAbsolutePath();
        Path config = writeConfig(home.resolve("conf"), settings);
        InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = MAX_INFLIGHT_MESSAGES;
        this.hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(config)
                .withDataFolder(directory(home.resolve("data")))
                .withExtensionsFolder(directory(home.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded MQTT broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The embedded MQTT broker could not start on " + settings.bindAddress() + ":" + settings.port()
                            + " (is the port taken? set PORTAL_DEMO_BROKER_PORT)",
                    e.getCause());
        }
        log.info("Embedded MQTT broker listening on {}:{}", settings.bindAddress(), settings.port());
    }

    @Override
    public void destroy() throws Exception {
        hivemq.close();
    }

    static Path writeConfig(Path folder, DemoProperties.Broker settings) {
        String xml = """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>65535</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(settings.port(), settings.bindAddress(), MAX_QUEUED_MESSAGES);
        try {
            Files.writeString(directory(folder).resolve("config.xml"), xml);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
