package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingseeportal.thingsee.ConfiguredStreams;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.TenantHealth;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tenants' data streams as the database says ({@link ConfiguredStreams}), unless {@code portal.mqtt.enabled} is
 * false; and the {@code mqtt} health from their state.
 */
@Configuration
@ConditionalOnProperty(name = "portal.mqtt.enabled", havingValue = "true", matchIfMissing = true)
class ThingseeMqttConfig {

    private static final Logger log = LoggerFactory.getLogger(ThingseeMqttConfig.class);

    @Bean
    ThingseeMqttSubscriber thingseeMqttSubscriber(
            ConfiguredStreams configured,
            MqttProperties node,
            ObjectMapper json,
            ApplicationEventPublisher events,
            StreamRejections rejections,
            MeterRegistry meters,
            Clock clock) {
        var parts = new StreamParts(new ThingseePayloadParser(json), events, rejections, meters, clock);
        String nodeId = nodeId(node);
        return new ThingseeMqttSubscriber(
                configured::enabled,
                (tenant, stream) -> new TenantStream(
                        tenant, stream, node, nodeId + "-" + tenant, parts, BatchWorker.Settings.of(node)),
                node.settingsCheck());
    }

    @Bean
    TenantHealth.Streams tenantStreams(ThingseeMqttSubscriber subscriber) {
        return tenantSlug -> subscriber.states().stream()
                .filter(state -> state.tenant().equals(tenantSlug))
                .findFirst()
                .map(state -> new TenantHealth.Stream(
                        state.broker(), state.connected(), state.subscribed(), state.lastMessageAt(), state.problem()));
    }

    @Bean("mqtt")
    TenantStreamsHealthIndicator mqttHealthIndicator(ThingseeMqttSubscriber subscriber) {
        return new TenantStreamsHealthIndicator(subscriber::states, subscriber::settingsRead);
    }

    /** Stable across restarts of this node, different between nodes: the prefix and the host name. */
    static String nodeId(MqttProperties node) {
        if (!node.clientId().isBlank()) {
            return node.clientId();
        }
        try {
            return node.clientIdPrefix() + "-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return node.clientIdPrefix() + "-" + System.getenv().getOrDefault("HOSTNAME", "node");
        }
    }
}
