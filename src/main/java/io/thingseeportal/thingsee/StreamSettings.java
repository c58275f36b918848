package io.thingseeportal.thingsee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's data stream as an operator edits it: everything but the passwords, which are write-only.
 *
 * @param enabled whether the portal receives the stream; off keeps the settings and receives nothing
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
 * @param username the user name at the broker; empty for none (then no password is sent either)
 * @param topicFilters what to subscribe to, with QoS 1
 * @param sharedGroup subscribe as {@code $share/<group>/<filter>} so that several portal nodes split the stream; empty:
 *     every node gets every message
 * @param keyStore the file with the client certificate and key on every portal node; empty for none
 * @param trustStore the file with the broker's CA certificates; empty for the JVM's
 * @param hasPassword whether a broker password is stored (shown as such, never as its value)
 */
public record StreamSettings(
        boolean enabled,

        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = BROKER_URL, message = "must read tcp://host:port or ssl://host:port (port 1 to 65535)")
        String brokerUrl,

        @Size(max = 200) String username,

        @NotEmpty(message = "must name at least one topic filter")
        @Size(max = 10, message = "may name 10 topic filters at most")
        List<
                        @NotBlank @Size(max = 180)
                        @Pattern(
                                regexp = "(?!\\$share/)((?:[^/+#]*|\\+)/)*(?:[^/+#]*|\\+|#)",
                                message = "must be an MQTT topic filter (+ for one whole level, # only at the end;"
                                        + " a shared group goes in its own field)")
                        String>
                topicFilters,

        @Size(max = 200) @Pattern(regexp = "[^/+#\\s]*", message = "may not contain /, +, # or spaces")
        String sharedGroup,

        @Size(max = 500) String keyStore,

        @NotNull @Pattern(regexp = "PKCS12|JKS", message = "must be PKCS12 or JKS")
        String keyStoreType,

        @Size(max = 500) String trustStore,

        @NotNull @Pattern(regexp = "PKCS12|JKS", message = "must be PKCS12 or JKS")
        String trustStoreType,

        boolean hasPassword,
        boolean hasKeyStorePassword,
        boolean hasTrustStorePassword) {

    /**
     * A broker address Paho and {@link java.net.URI} both read: a host name (letters, digits, dots and hyphens) or an
     * IPv6 address in brackets, an optional port from 1 to 65535, no path, no placeholders.
     */
    static final String BROKER_URL = "(tcp|ssl)://([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9a-fA-F:.]+\\])"
            + "(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?";

    public StreamSettings {
        topicFilters = List.copyOf(topicFilters);
    }

    /** The settings of a tenant that has no stream yet: Thingsee's topics, no certificates. */
    public static StreamSettings blank() {
        return new StreamSettings(
                true, "", "", List.of("cloudext/json/#"), "", "", "PKCS12", "", "PKCS12", false, false, false);
    }
}
