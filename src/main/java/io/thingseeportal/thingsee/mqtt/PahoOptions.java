package io.thingseeportal.thingsee.mqtt;

import io.thingseeportal.thingsee.ThingseeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.jspecify.annotations.Nullable;

/**
 * Paho's connection options for a tenant's stream: credentials, timeouts, sockets with {@code TCP_NODELAY} and, for
 * {@code ssl://}, the certificates.
 */
final class PahoOptions {

    private PahoOptions() {}

    static MqttConnectionOptions of(ThingseeProperties.Stream stream, MqttProperties node) {
        var options = new MqttConnectionOptions();
        options.setConnectionTimeout((int) Math.max(1, node.connectTimeout().toSeconds()));
        if (stream.username() != null && !stream.username().isBlank()) {
            options.setUserName(stream.username());
        }
        if (stream.password() != null && !stream.password().isEmpty()) {
            options.setPassword(stream.password().getBytes(StandardCharsets.UTF_8));
        }
        if ("ssl".equals(stream.brokerUrl().getScheme())) {
            options.setSocketFactory(
                    NoDelaySocketFactory.ssl(sslContext(stream.tls()).getSocketFactory()));
        } else {
            options.setSocketFactory(NoDelaySocketFactory.tcp());
        }
        return options;
    }

    private static SSLContext sslContext(ThingseeProperties.Tls tls) {
        try {
            KeyManagerFactory keys = null;
            if (tls.keyStore() != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(
                        load(tls.keyStore(), tls.keyStorePassword(), tls.keyStoreType()),
                        chars(tls.keyStorePassword()));
            }
            TrustManagerFactory trust = null;
            if (tls.trustStore() != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(tls.trustStore(), tls.trustStorePassword(), tls.trustStoreType()));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS for the MQTT broker: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, @Nullable String password, String type)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, chars(password));
        }
        return store;
    }

    private static char @Nullable [] chars(@Nullable String password) {
        return password == null ? null : password.toCharArray();
    }
}
