package io.thingseeportal.thingsee.mqtt;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Settings for a test's broker: anonymous, plain TCP, short timeouts. */
final class MqttTestSettings {

    private MqttTestSettings() {}

    static MqttProperties forBroker(URI broker, String clientId) {
        return forBroker(broker, clientId, new MqttProperties.Tls(null, null, "PKCS12", null, null, "PKCS12"));
    }

    static MqttProperties forBroker(URI broker, String clientId, MqttProperties.Tls tls) {
        return new MqttProperties(
                broker,
                null,
                null,
                Duration.ofSeconds(2),
                "portal-test",
                new MqttProperties.Subscriber(
                        true, clientId, List.of("cloudext/json/#"), Duration.ofHours(1), Duration.ofSeconds(2)),
                tls);
    }
}
