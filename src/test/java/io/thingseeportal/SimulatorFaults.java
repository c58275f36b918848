package io.thingseeportal;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The built-in simulator's fault control API ({@code /simulator/control/faults}) as the tests and benchmarks drive it,
 * for one stack: the stack-wide settings, and one device's. Every call carries the stack's client token, fetched
 * afresh before it, since a benchmark outlasts a token's 15 minutes. A refusal fails the caller with the simulator's
 * words.
 *
 * <p>The token call suffers the stack's own API faults. It is tried a few times, which gets through any error rate
 * below 1; when every try fails (the stack answers every call with an error, for example just after {@code
 * {"apiErrorRate": 1}}), the last token this stack gave any helper is used instead: the control API itself has no
 * faults, so {@link #clear()} still heals the stack.
 */
public final class SimulatorFaults {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int TOKEN_ATTEMPTS = 5;
    /** The newest token of each stack, by token URI and client id: shared, since tests make a helper per call. */
    private static final Map<String, String> LAST_TOKENS = new ConcurrentHashMap<>();

    private final String base;
    private final URI tokenUri;
    private final String stack;
    private final String credentials;
    private final String tokenKey;

    /** The faults of a stack of the simulator served by the portal on this port of the local host. */
    public SimulatorFaults(int port, String stack, String clientId, String clientSecret) {
        this.base = "http://127.0.0.1:" + port + "/simulator/control/faults";
        this.tokenUri = URI.create("http://127.0.0.1:" + port + "/simulator/thingsee/v1/auth/client-token");
        this.stack = stack;
        this.credentials = "{\"client_id\":\"%s\",\"client_secret\":\"%s\"}".formatted(clientId, clientSecret);
        this.tokenKey = tokenUri + " " + clientId;
    }

    /** The demo's (and the test profile's) stack {@code acme}. */
    public static SimulatorFaults acme(int port) {
        return new SimulatorFaults(port, "acme", "acme-demo-client", "acme-demo-secret");
    }

    /** The demo's (and the test profile's) stack {@code borealis}. */
    public static SimulatorFaults borealis(int port) {
        return new SimulatorFaults(port, "borealis", "borealis-demo-client", "borealis-demo-secret");
    }

    /** Changes the settings named in the JSON for every device, for example {@code {"apiLatencyMillis": 50}}. */
    public void set(String json) {
        call("PUT", "", json);
    }

    /** Back to no faults anywhere in the stack. */
    public void clear() {
        call("DELETE", "", null);
    }

    /** Changes the settings named in the JSON for one device, for example {@code {"offline": true}}. */
    public void setFor(String tuid, String json) {
        call("PUT", "/devices/" + tuid, json);
    }

    /** The device follows the stack-wide settings again. */
    public void clearFor(String tuid) {
        call("DELETE", "/devices/" + tuid, null);
    }

    /** A client token of the stack, fresh if the stack gives one within a few tries (see the class comment). */
    public String token() {
        int status = 0;
        String failure = "";
        for (int attempt = 0; attempt < TOKEN_ATTEMPTS && (status == 0 || status >= 500); attempt++) {
            var response = send(HttpRequest.newBuilder(tokenUri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(credentials))
                    .build());
            status = response.statusCode();
            if (status == 200) {
                String token = JsonPath.read(response.body(), "$.data.token");
                LAST_TOKENS.put(tokenKey, token);
                return token;
            }
            failure = "POST " + tokenUri + " for stack " + stack + " answered " + status + ": " + response.body();
        }
        String last = LAST_TOKENS.get(tokenKey);
        if (status < 500 || last == null) {
            throw new IllegalStateException(failure);
        }
        return last;
    }

    private void call(String method, String path, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        var response = send(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + request.uri() + " for stack " + stack + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }
}
