package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.context.ApplicationEventPublisher;

/** Settings and streams for a test's broker: anonymous, short timeouts and short waits between retries. */
final class MqttTestSettings {

    private MqttTestSettings() {}

    static MqttProperties node(String clientId) {
        return new MqttProperties(
                true,
                "portal-test",
                clientId,
                Duration.ofSeconds(2),
                Duration.ofHours(1),
                Duration.ofSeconds(2),
                1000,
                500,
                Duration.ofSeconds(1));
    }

    static ThingseeProperties.Stream stream(String brokerUrl, List<String> filters) {
        return stream(brokerUrl, filters, ThingseeProperties.Tls.none());
    }

    static ThingseeProperties.Stream stream(String brokerUrl, List<String> filters, ThingseeProperties.Tls tls) {
        return new ThingseeProperties.Stream(URI.create(brokerUrl), null, null, tls, filters, null);
    }

    /** A tenant's stream with connection id {@code <clientId>-<tenant>}, as the portal names it. */
    static TenantStream tenantStream(
            String tenant,
            ThingseeProperties.Stream stream,
            String clientId,
            ApplicationEventPublisher events,
            MeterRegistry meters)
            throws MqttException {
        var parts = new StreamParts(
                new ThingseePayloadParser(new ObjectMapper()),
                events,
                StreamRejections.of(meters, Clock.systemUTC()),
                meters,
                Clock.systemUTC());
        return new TenantStream(
                tenant,
                stream,
                node(clientId),
                clientId + "-" + tenant,
                parts,
                new BatchWorker.Settings(1000, 500, Duration.ofMillis(200), Duration.ofSeconds(1)));
    }
}
