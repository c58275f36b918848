package io.thingseeportal.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * "Test identity provider": reads an issuer's OpenID Connect discovery document as sign-in would, and says in plain
 * terms what is wrong with it, if anything.
 */
@Component
public class DiscoveryCheck {

    /**
     * @param ok whether sign-in can use the provider
     * @param messageKey what to tell the operator ({@code tenant.provider.check.*})
     * @param detail what the message names: the address read, the status, the issuer found
     */
    public record Result(boolean ok, String messageKey, String detail) {}

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final ObjectMapper json = new ObjectMapper();

    public Result check(String issuer) {
        URI address;
        try {
            address = URI.create(stripSlash(issuer) + "/.well-known/openid-configuration");
        } catch (IllegalArgumentException e) {
            return new Result(false, "tenant.provider.check.bad-address", issuer);
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(address).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            return new Result(false, "tenant.provider.check.unreachable", address + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "tenant.provider.check.unreachable", address.toString());
        }
        if (response.statusCode() != 200) {
            return new Result(false, "tenant.provider.check.status", address + " → " + response.statusCode());
        }
        JsonNode document;
        try {
            document = json.readTree(response.body());
        } catch (IOException e) {
            return new Result(false, "tenant.provider.check.not-json", address.toString());
        }
        String found = document.path("issuer").asText("");
        if (!stripSlash(found).equals(stripSlash(issuer))) {
            return new Result(false, "tenant.provider.check.other-issuer", found);
        }
        if (document.path("authorization_endpoint").asText("").isEmpty()
                || document.path("token_endpoint").asText("").isEmpty()
                || document.path("jwks_uri").asText("").isEmpty()) {
            return new Result(false, "tenant.provider.check.incomplete", address.toString());
        }
        return new Result(true, "tenant.provider.check.ok", found);
    }

    private static String stripSlash(String uri) {
        String trimmed = uri.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
