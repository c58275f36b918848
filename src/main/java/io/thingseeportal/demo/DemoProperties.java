package io.thingseeportal.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's embedded parts ({@code portal.demo.*}), used only in the {@code demo} profile.
 *
 * @param dataDirectory where the demo keeps its database and broker state across restarts
 * @param broker the embedded MQTT broker
 * @param idp the demo OpenID Connect provider
 */
@Validated
@ConfigurationProperties("portal.demo")
public record DemoProperties(
        @DefaultValue("./data") @NotNull Path dataDirectory,
        @DefaultValue @Valid Broker broker,
        @DefaultValue @Valid Idp idp) {

    /**
     * @param port the broker's TCP port on 127.0.0.1 (0 picks a free one, for tests)
     * @param bindAddress where the broker listens
     */
    public record Broker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1884") @Min(0) @Max(65535) int port,
            @DefaultValue("127.0.0.1") String bindAddress) {}

    /**
     * @param issuer the provider's issuer; its port is where it listens, on all interfaces so that phones reach it
     * @param portalBaseUrls extra addresses of the portal (for example http://192.168.1.20:8080) to which the provider
     *     may send users back; the portal's own port on localhost and 127.0.0.1 is always allowed
     */
    public record Idp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("http://127.0.0.1:9000") @NotNull URI issuer,
            @DefaultValue List<URI> portalBaseUrls) {}
}
