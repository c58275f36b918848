package io.thingseeportal.thingsee.mqtt;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
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
 */
@Validated
@ConfigurationProperties("portal.mqtt")
public record MqttProperties(
        @NotNull URI brokerUrl,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("thingsee-portal") @NotBlank String clientIdPrefix) {

    @Override
    public String toString() {
        return "MqttProperties[brokerUrl=%s, username=%s, password=%s]"
                .formatted(brokerUrl, username, password == null ? null : "***");
    }
}
