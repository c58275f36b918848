package io.thingseeportal.demo.https;

import io.thingseeportal.demo.DemoProperties;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * The demo's HTTPS connector, beside the plain HTTP one rather than instead of it: the desktop keeps
 * http://localhost:8080, and the demo's calls to its own simulator ({@code http://127.0.0.1:${local.server.port}})
 * need no certificate trust.
 */
public final class DemoHttpsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String lanAddress;
    private final Connector connector;

    DemoHttpsConnector(DemoProperties demo) {
        String address = demo.lanAddress();
        if (address == null) {
            throw new IllegalStateException("portal.demo.lan-address is not set: DemoHttpsEnvironment did not run");
        }
        this.lanAddress = address;
        this.connector = connector(demo.httpsPort(), DemoCertificate.keystoreFor(demo.dataDirectory(), address));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalTomcatConnectors(connector);
    }

    /** The port it listens on, once the web server has started. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address to open on a phone. */
    public String phoneAddress() {
        return "https://" + lanAddress + ":" + port();
    }

    /** Where the portal answers over HTTPS, for the demo identity provider to send users back to. */
    public List<String> baseUrls() {
        return List.of("https://localhost:" + port(), "https://127.0.0.1:" + port(), phoneAddress()).stream()
                .distinct()
                .toList();
    }

    private static Connector connector(int port, Path keystore) {
        var ssl = new SSLHostConfig();
        var certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(keystore.toString());
        certificate.setCertificateKeystoreType("PKCS12");
        certificate.setCertificateKeystorePassword(DemoCertificate.PASSWORD);
        certificate.setCertificateKeyAlias(DemoCertificate.ALIAS);
        ssl.addCertificate(certificate);

        var connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        connector.addSslHostConfig(ssl);
        return connector;
    }
}
