package io.thingseeportal.thingsee.mqtt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MQTT broker that delivers Thingsee device messages ({@code portal.mqtt.*}).
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
 * @param username optional user name
 * @param password optional password
 * @param connectTimeout how long a connection attempt may take
 * @param clientIdPrefix the start of the portal's client ids
 * @param subscriber the long-lived subscription to device messages
 * @param tls client certificate and trusted certificates for {@code ssl://} brokers (Haltian's uses X.509)
 */
@Validated
@ConfigurationProperties("portal.mqtt")
public record MqttProperties(
        @NotNull URI brokerUrl,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("thingsee-portal") @NotBlank String clientIdPrefix,
        @DefaultValue @Valid Subscriber subscriber,
        @DefaultValue @Valid Tls tls) {

    /**
     * @param enabled whether the portal subscribes at all
     * @param clientId the session's client id; it must stay the same across restarts (so that the broker keeps the
     *     messages that arrive while the portal is away) and differ between portal nodes. Empty: the prefix and the
     *     host name.
     * @param topicFilters what to subscribe to, with QoS 1
     * @param sessionExpiry how long the broker keeps the session and its messages while the portal is away
     * @param maxReconnectDelay the longest wait between connection attempts
     */
    public record Subscriber(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("") String clientId,
            @DefaultValue("cloudext/json/#") @NotEmpty List<String> topicFilters,
            @DefaultValue("1d") @NotNull Duration sessionExpiry,
            @DefaultValue("60s") @NotNull Duration maxReconnectDelay) {}

    /**
     * @param keyStore PKCS12 or JKS file with the client certificate and key; empty for none
     * @param trustStore file with the broker's CA certificates; empty for the JVM's defaults
     */
    public record Tls(
            @Nullable Path keyStore,
            @Nullable String keyStorePassword,
            @DefaultValue("PKCS12") String keyStoreType,
            @Nullable Path trustStore,
            @Nullable String trustStorePassword,
            @DefaultValue("PKCS12") String trustStoreType) {

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
        }
    }

    @Override
    public String toString() {
        return "MqttProperties[brokerUrl=%s, username=%s, password=%s, subscriber=%s, tls=%s]"
                .formatted(brokerUrl, username, password == null ? null : "***", subscriber, tls);
    }
}
