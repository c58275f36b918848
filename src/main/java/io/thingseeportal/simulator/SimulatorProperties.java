package io.thingseeportal.simulator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in Thingsee cloud simulator ({@code portal.simulator.*}); off in production.
 *
 * @param enabled whether the simulator serves its API inside the portal
 * @param basePath where the API is served; the stack URL a tenant uses is {@code http://<portal><basePath>/}
 * @param tokenLifetime how long a client token is valid (15 minutes in Haltian's cloud)
 * @param rateLimit requests per second allowed per token; more get 429 with {@code Retry-After}
 * @param seed mixed with each stack's name so that a restart generates the same fleet
 * @param fleetSize devices per stack, at least one per product type
 * @param stacks the simulated stacks by name, each with the API credentials that open it
 * @param brokerUrl the MQTT broker the simulated devices publish to
 * @param echoDelay how long a device takes to answer a configuration command
 * @param dataDirectory where each stack's state is saved as {@code <stack>.json}; none keeps it in memory only
 * @param periodicData whether devices publish their periodic messages (1110 battery and their data message)
 * @param reportIntervalScale factor on each device's {@code reportInterval}, below 1 so that the demo reports often
 */
@Validated
@ConfigurationProperties("portal.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,

        @DefaultValue("/simulator/thingsee/v1") @NotNull @Pattern(regexp = "(/[A-Za-z0-9._-]+)+")
        String basePath,

        @DefaultValue("15m") @NotNull Duration tokenLifetime,
        @DefaultValue("50") @Min(1) int rateLimit,
        @DefaultValue("20240501") long seed,
        @DefaultValue("40") @Min(10) int fleetSize,
        @DefaultValue Map<String, @Valid Stack> stacks,
        @Nullable URI brokerUrl,
        @DefaultValue("2s") @NotNull Duration echoDelay,
        @Nullable Path dataDirectory,
        @DefaultValue("true") boolean periodicData,
        @DefaultValue("1.0") @Positive double reportIntervalScale) {

    /**
     * @param clientId the {@code client_id} that opens this stack
     * @param clientSecret its {@code client_secret}
     * @param country the lower-case ISO country of the stack's demo group and device locations
     * @param topicRoot what comes before {@code cloudext/json/} in the topics of this stack's devices, ending in
     *     {@code /} (for example {@code acme/}), as a broker bridge with a prefix publishes them; empty: none
     */
    public record Stack(
            @NotBlank String clientId,
            @NotBlank String clientSecret,

            @DefaultValue("fi") @Pattern(regexp = "[a-z]{2}")
            String country,

            @DefaultValue("") @Pattern(regexp = "([^/#+]+/)*", message = "must be empty or levels ending in '/'")
            String topicRoot) {

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "Stack[clientId=" + clientId + ", country=" + country + ", topicRoot=" + topicRoot + "]";
        }
    }

    @AssertTrue(message = "an enabled simulator needs at least one stack (portal.simulator.stacks.<name>.client-id)")
    public boolean isStackGivenWhenEnabled() {
        return !enabled || !stacks.isEmpty();
    }

    @AssertTrue(message = "an enabled simulator needs the broker its devices publish to (portal.simulator.broker-url)")
    public boolean isBrokerGivenWhenEnabled() {
        return !enabled || brokerUrl != null;
    }

    @AssertTrue(message = "token lifetime must be positive")
    public boolean isTokenLifetimePositive() {
        return !tokenLifetime.isNegative() && !tokenLifetime.isZero();
    }
}
