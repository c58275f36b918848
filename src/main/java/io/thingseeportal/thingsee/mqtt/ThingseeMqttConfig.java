package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.TenantHealth;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A data stream for every tenant with {@code portal.thingsee.tenants.<slug>.stream}, unless {@code portal.mqtt.enabled}
 * is false; and the {@code mqtt} health from their state.
 */
@Configuration
@ConditionalOnProperty(name = "portal.mqtt.enabled", havingValue = "true", matchIfMissing = true)
class ThingseeMqttConfig {

    private static final Logger log = LoggerFactory.getLogger(ThingseeMqttConfig.class);

    @Bean
    ThingseeMqttSubscriber thingseeMqttSubscriber(
            ThingseeProperties thingsee,
            MqttProperties node,
            ObjectMapper json,
            ApplicationEventPublisher events,
            StreamRejections rejections,
            MeterRegistry meters,
            Clock clock)
            throws MqttException {
        var parts = new StreamParts(new ThingseePayloadParser(json), events, rejections, meters, clock);
        String nodeId = nodeId(node);
        List<TenantStream> streams = new ArrayList<>();
        for (Map.Entry<String, ThingseeProperties.Tenant> tenant : new TreeMap<>(thingsee.tenants()).entrySet()) {
            ThingseeProperties.Stream stream = tenant.getValue().stream();
            if (stream == null) {
                log.info(
                        "Tenant '{}' has no data stream (portal.thingsee.tenants.{}.stream.broker-url): no live device data",
                        tenant.getKey(),
                        tenant.getKey());
                continue;
            }
            streams.add(new TenantStream(
                    tenant.getKey(),
                    stream,
                    node,
                    nodeId + "-" + tenant.getKey(),
                    parts,
                    BatchWorker.Settings.of(node)));
        }
        return new ThingseeMqttSubscriber(streams);
    }

    @Bean
    TenantHealth.Streams tenantStreams(ThingseeMqttSubscriber subscriber) {
        return tenantSlug -> subscriber.states().stream()
                .filter(state -> state.tenant().equals(tenantSlug))
                .findFirst()
                .map(state -> new TenantHealth.Stream(
                        state.broker(), state.connected(), state.subscribed(), state.lastMessageAt()));
    }

    @Bean("mqtt")
    TenantStreamsHealthIndicator mqttHealthIndicator(ThingseeMqttSubscriber subscriber) {
        return new TenantStreamsHealthIndicator(subscriber::states);
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
