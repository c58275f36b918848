package io.thingseeportal.thingsee.mqtt;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This node's side of the tenants' data streams ({@code portal.mqtt.*}). Each stream's broker, credentials and topics
 * are the tenant's, kept in the database (seeded from {@code portal.thingsee.tenants.<slug>.stream.*}).
 *
 * @param enabled whether the portal subscribes at all
 * @param clientIdPrefix the start of the default node id
 * @param clientId this node's id; each tenant's connection is {@code <clientId>-<slug>}. It must stay the same across
 *     restarts (so that the broker keeps the messages that arrive while the portal is away) and differ between nodes.
 *     Empty: the prefix and the host name.
 * @param connectTimeout how long a connection attempt, or a subscription, may take
 * @param sessionExpiry how long the broker keeps the session and its messages while the portal is away
 * @param maxReconnectDelay the longest wait between connection attempts
 * @param queueCapacity messages received and not yet handed over, per stream; a full queue holds up the connection
 * @param batchSize messages handed over to the features in one event at most (a batch is what is queued when the
 *     worker is ready; it never waits for more)
 * @param settingsCheck how often this node reads the tenants' data stream settings, to reconnect a changed stream and
 *     start a new one (a change saved on this node counts at once)
 */
@Validated
@ConfigurationProperties("portal.mqtt")
public record MqttProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("thingsee-portal") @NotBlank String clientIdPrefix,
        @DefaultValue("") String clientId,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("1d") @NotNull Duration sessionExpiry,
        @DefaultValue("60s") @NotNull Duration maxReconnectDelay,
        @DefaultValue("10000") @Min(1) int queueCapacity,
        @DefaultValue("5000") @Min(1) @Max(65535) int batchSize,

        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1)
        Duration settingsCheck) {}
