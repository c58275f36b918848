package io.thingseeportal.thingsee.mqtt;

import static io.thingseeportal.thingsee.mqtt.TestPublisher.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants' streams on one broker, each under its own topic root (REFERENCE 9.7): a message belongs to the tenant
 * whose connection it arrived on, even when its payload is the same as the other tenant's.
 */
class TenantIsolationIT {

    static final String TUID = "TSPR04EZU31901021";
    static final String GROUP_TOPIC = "cloudext/json/pr/fi/prfi00office/" + TUID + "/1500";

    final TestBroker broker = new TestBroker.Mosquitto();
    final Queue<ThingseeMessagesReceived> batches = new ConcurrentLinkedQueue<>();
    final String clientId = "portal-isolation-" + UUID.randomUUID();
    TenantStream acme;
    TenantStream borealis;

    @BeforeEach
    void startBrokerAndBothStreams() throws Exception {
        broker.start();
        acme = stream("acme");
        borealis = stream("borealis");
        acme.start();
        borealis.start();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> acme.state().subscribed() && borealis.state().subscribed());
    }

    @AfterEach
    void stopEverything() {
        acme.stop();
        borealis.stop();
        broker.stop();
    }

    @Test
    void a_message_on_acmes_root_reaches_only_an_event_of_acme_and_one_on_borealis_root_only_borealis()
            throws Exception {
        TestPublisher.publish(broker.url(), "acme/" + GROUP_TOPIC, echo(TUID, 11));
        TestPublisher.publish(broker.url(), "borealis/" + GROUP_TOPIC, echo(TUID, 12));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> tenantsOf(11).size() + tenantsOf(12).size() >= 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> tenantsOf(11).equals(List.of("acme/acme"))
                        && tenantsOf(12).equals(List.of("borealis/borealis")));
    }

    @Test
    void connections_are_named_after_the_node_and_the_tenant() {
        assertThat(acme.tenant()).isEqualTo("acme");
        assertThat(acme.clientId()).isEqualTo(clientId + "-acme");
        assertThat(borealis.clientId()).isEqualTo(clientId + "-borealis");
    }

    /** For each message with the transaction id: its batch's tenant and its own, as {@code batch/message}. */
    private List<String> tenantsOf(long transactionId) {
        return batches.stream()
                .flatMap(batch -> batch.messages().stream()
                        .filter(received -> Long.valueOf(transactionId)
                                .equals(received.message().transactionId()))
                        .map(received -> batch.tenant() + "/" + received.tenant()))
                .toList();
    }

    private TenantStream stream(String tenant) throws Exception {
        return MqttTestSettings.tenantStream(
                tenant,
                MqttTestSettings.stream(broker.url(), List.of(tenant + "/cloudext/json/#")),
                clientId,
                event -> batches.add((ThingseeMessagesReceived) event),
                new SimpleMeterRegistry());
    }
}
