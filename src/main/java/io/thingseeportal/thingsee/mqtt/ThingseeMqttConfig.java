package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subscriber to Thingsee's device messages, unless {@code portal.mqtt.subscriber.enabled} is false. */
@Configuration
@ConditionalOnProperty(name = "portal.mqtt.subscriber.enabled", havingValue = "true", matchIfMissing = true)
class ThingseeMqttConfig {

    @Bean
    ThingseeMqttSubscriber thingseeMqttSubscriber(
            MqttProperties properties,
            ObjectMapper json,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            Clock clock)
            throws MqttException {
        return new ThingseeMqttSubscriber(
                properties, clientId(properties), new ThingseePayloadParser(json), events, meters, clock);
    }

    /** Stable across restarts of this node, different between nodes: the prefix and the host name. */
    static String clientId(MqttProperties properties) {
        String configured = properties.subscriber().clientId();
        if (!configured.isBlank()) {
            return configured;
        }
        try {
            return properties.clientIdPrefix() + "-"
                    + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return properties.clientIdPrefix() + "-" + System.getenv().getOrDefault("HOSTNAME", "node");
        }
    }
}
