package io.thingseeportal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * The built-in simulator's fault control API ({@code /simulator/control/faults}) as the tests and benchmarks drive it:
 * the stack-wide settings, and one device's. A refusal fails the caller with the simulator's words.
 */
public final class SimulatorFaults {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    /** The faults of the simulator served by the portal on this port of the local host. */
    public SimulatorFaults(int port) {
        this.base = "http://127.0.0.1:" + port + "/simulator/control/faults";
    }

    /** Changes the settings named in the JSON for every device, for example {@code {"apiLatencyMillis": 50}}. */
    public void set(String json) {
        call("PUT", "", json);
    }

    /** Back to no faults anywhere. */
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

    private void call(String method, String path, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + request.uri() + " interrupted", e);
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
