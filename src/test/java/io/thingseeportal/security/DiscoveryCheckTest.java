package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Test identity provider" reads the discovery document as sign-in will, and names what is wrong. */
class DiscoveryCheckTest {

    private final DiscoveryCheck check = new DiscoveryCheck();
    private HttpServer provider;
    private String issuer;
    private volatile String document;

    @BeforeEach
    void aProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext("/.well-known/openid-configuration", exchange -> {
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void a_complete_document_of_the_same_issuer_passes() {
        document = complete(issuer);

        assertThat(check.check(issuer + "/"))
                .isEqualTo(new DiscoveryCheck.Result(true, "tenant.provider.check.ok", issuer));
    }

    @Test
    void a_document_naming_another_issuer_names_it() {
        document = complete("https://login.example/realms/acme");

        assertThat(check.check(issuer))
                .isEqualTo(new DiscoveryCheck.Result(
                        false, "tenant.provider.check.other-issuer", "https://login.example/realms/acme"));
    }

    @Test
    void a_missing_document_gives_the_status() {
        document = "";

        assertThat(check.check(issuer).messageKey()).isEqualTo("tenant.provider.check.status");
        assertThat(check.check(issuer).detail()).endsWith("404");
    }

    @Test
    void a_document_without_endpoints_is_incomplete() {
        document = "{\"issuer\":\"" + issuer + "\"}";

        assertThat(check.check(issuer).messageKey()).isEqualTo("tenant.provider.check.incomplete");
    }

    @Test
    void an_answer_that_is_not_json_is_named() {
        document = "<html>login</html>";

        assertThat(check.check(issuer).messageKey()).isEqualTo("tenant.provider.check.not-json");
    }

    @Test
    void an_unreachable_provider_is_named() {
        provider.stop(0);

        assertThat(check.check(issuer).messageKey()).isEqualTo("tenant.provider.check.unreachable");
        assertThat(check.check("not a url").ok()).isFalse();
    }

    private static String complete(String issuer) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",\
                "jwks_uri":"%1$s/jwks"}""".formatted(issuer);
    }
}
