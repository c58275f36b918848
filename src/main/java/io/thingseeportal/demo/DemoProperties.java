package io.thingseeportal.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's embedded parts ({@code portal.demo.*}), used only in the {@code demo} profile.
 *
 * @param dataDirectory where the demo keeps its database and broker state across restarts
 * @param broker the embedded MQTT broker
 * @param idp the demo OpenID Connect provider
 * @param https also serve the portal over HTTPS, with a self-signed certificate of its own, so that a phone on the same
 *     network may use its camera (browsers give it only to secure pages); the plain HTTP port stays as it is
 * @param httpsPort the HTTPS port, on all interfaces (0 picks a free one, for tests)
 * @param lanAddress the IPv4 address at which phones reach this machine; when HTTPS is on and this is not set, the
 *     first private address of a network card that is up
 */
@Validated
@ConfigurationProperties("portal.demo")
public record DemoProperties(
        @DefaultValue("./data") @NotNull Path dataDirectory,
        @DefaultValue @Valid Broker broker,
        @DefaultValue @Valid Idp idp,
        @DefaultValue("false") boolean https,
        @DefaultValue("8443") @Min(0) @Max(65535) int httpsPort,

        @Nullable @Pattern(regexp = IPV4, message = "must be an IPv4 address such as 192.168.1.20")
        String lanAddress) {

    static final String IPV4 = "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)";

    /**
     * @param port the broker's TCP port on 127.0.0.1 (0 picks a free one, for tests)
     * @param bindAddress where the broker listens
     */
    public record Broker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1884") @Min(0) @Max(65535) int port,
            @DefaultValue("127.0.0.1") String bindAddress) {}

    /**
     * @param issuer provider A's issuer (Acme and the operators); its port is where it listens, on all interfaces so
     *     that phones reach it
     * @param secondIssuer provider B's issuer (Borealis, and Cumulus once an operator adds it)
     * @param portalBaseUrls extra addresses of the portal (for example http://192.168.1.20:8080) to which the provider
     *     may send users back; the portal's own port on localhost and 127.0.0.1 is always allowed
     */
    public record Idp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("http://127.0.0.1:9000") @NotNull URI issuer,
            @DefaultValue("http://127.0.0.1:9001") @NotNull URI secondIssuer,
            @DefaultValue List<URI> portalBaseUrls) {}
}
