package io.thingseeportal.thingsee;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the portal talks to the Thingsee API ({@code portal.thingsee.*}).
 *
 * @param connectTimeout how long opening a connection may take
 * @param responseTimeout how long Thingsee may take to answer once connected
 * @param maxConnections open connections to Thingsee at most, for all stacks together; callers beyond them wait for
 *     one to be free (Reactor Netty's default, twice the cores but at least 16, throttles concurrent callers)
 * @param retry retries of safe calls on connection errors, 429 and 502/503/504
 * @param token client-token handling
 * @param tenants each tenant's Thingsee stack, API credentials and data stream, by tenant slug
 */
@Validated
@ConfigurationProperties("portal.thingsee")
public record ThingseeProperties(
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration responseTimeout,
        @DefaultValue("128") @Min(1) int maxConnections,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Token token,
        @DefaultValue Map<String, @Valid Tenant> tenants) {

    /**
     * @param maxAttempts attempts in all, the first included
     * @param initialBackoff the wait before the first retry; it doubles with each further one
     * @param maxBackoff the longest wait between attempts, also the cap on a {@code Retry-After}
     * @param jitter the random share of each wait (0 to 1), so that many callers do not retry in step
     */
    public record Retry(
            @DefaultValue("4") @Min(1) int maxAttempts,
            @DefaultValue("200ms") @NotNull Duration initialBackoff,
            @DefaultValue("10s") @NotNull Duration maxBackoff,

            @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1")
            double jitter) {}

    /**
     * A tenant's stack. The base URL may name {@code ${local.server.port}}: it is resolved when used, so that the demo
     * can point at its built-in simulator whatever port it got.
     *
     * @param baseUrl the stack's API base, for example {@code https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/}
     * @param stream the tenant's MQTT data stream; none: the tenant has no live device data
     */
    public record Tenant(
            @NotBlank String baseUrl,
            @NotBlank String clientId,
            @NotBlank String clientSecret,
            @Nullable @Valid Stream stream) {

        @Override
        public String toString() {
            return "Tenant[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***, stream=" + stream
                    + "]";
        }
    }

    /**
     * A tenant's Thingsee data stream: the MQTT broker that delivers its device messages, and where on it they are.
     * Every message that arrives on this connection is the tenant's, whatever its payload says.
     *
     * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
     * @param username optional user name at the broker
     * @param password optional password
     * @param tls client certificate and trusted certificates for {@code ssl://} brokers (Haltian's uses X.509)
     * @param topicFilters what to subscribe to, with QoS 1; a topic root of the tenant's own goes in front
     *     ({@code acme/cloudext/json/#})
     * @param sharedGroup subscribe as {@code $share/<group>/<filter>}, so that several portal nodes split the stream;
     *     empty: every node gets every message
     */
    public record Stream(
            @NotNull URI brokerUrl,
            @Nullable String username,
            @Nullable String password,
            @DefaultValue @Valid Tls tls,
            @DefaultValue("cloudext/json/#") @NotEmpty List<@NotBlank String> topicFilters,
            @Nullable String sharedGroup) {

        @Override
        public String toString() {
            return "Stream[brokerUrl=%s, username=%s, password=%s, topicFilters=%s, sharedGroup=%s, tls=%s]"
                    .formatted(brokerUrl, username, password == null ? null : "***", topicFilters, sharedGroup, tls);
        }
    }

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

        /** No certificates of the portal's own: the JVM's trusted CAs. */
        public static Tls none() {
            return new Tls(null, null, "PKCS12", null, null, "PKCS12");
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
        }
    }

    /**
     * @param lifetime how long a client token lives (Thingsee: 15 minutes)
     * @param renewAhead how long before its end a token is renewed
     */
    public record Token(
            @DefaultValue("15m") @NotNull Duration lifetime,
            @DefaultValue("1m") @NotNull Duration renewAhead) {}
}
