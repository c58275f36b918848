package io.thingseeportal.thingsee;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
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
 * @param tenants each tenant's Thingsee stack and API credentials, by tenant slug
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
     */
    public record Tenant(
            @NotBlank String baseUrl,
            @NotBlank String clientId,
            @NotBlank String clientSecret) {

        @Override
        public String toString() {
            return "Tenant[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***]";
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
