package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The simulator over a real socket, next to Vaadin and the sign-in chain, as the portal's client will reach it: no
 * redirect to the login page and no Vaadin or Spring error page under the base path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SimulatorOverHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_client_gets_a_token_and_reads_the_groups() throws Exception {
        var groups = send(HttpRequest.newBuilder(uri("groups/"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token())
                .GET());
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(groups.body()).contains("\"group_id\":\"dmfi00showroom\"");
    }

    @Test
    void an_unknown_path_is_a_json_404_and_not_a_vaadin_page() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("no/such/endpoint"))
                .header("Authorization", "Bearer " + token())
                .GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"statusCode\":404", "\"error\":\"Not Found\"");
    }

    @Test
    void a_request_without_a_token_is_a_json_401_and_not_a_redirect_to_sign_in() throws Exception {
        var response =
                send(HttpRequest.newBuilder(uri("things/TSPR04EZU31901021")).GET());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"statusCode\":401", "\"error\":\"Unauthorized\"");
    }

    @Test
    void malformed_json_is_a_json_400() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("auth/client-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"statusCode\":400", "\"error\":\"Bad Request\"");
    }

    @Test
    void the_control_api_without_a_token_is_a_json_401_and_not_a_redirect_to_sign_in() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/control/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"apiLatencyMillis\":0}")));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"statusCode\":401", "\"error\":\"Unauthorized\"");
    }

    @Test
    void the_control_api_answers_json_with_the_stacks_token() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/control/faults"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"apiLatencyMillis\":0}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"rateLimit\":50");
    }

    @Test
    void the_test_helper_heals_a_stack_that_fails_every_call_even_its_token_call() throws Exception {
        // The tests' helper of the control API; this package's own SimulatorFaults is the server side.
        var faults = io.thingseeportal.SimulatorFaults.acme(port);
        try {
            faults.set("{\"apiErrorRate\":1}");
            assertThat(tokenResponse().statusCode()).isIn(500, 503);
        } finally {
            faults.clear();
        }
        assertThat(tokenResponse().statusCode()).isEqualTo(200);
    }

    private String token() throws Exception {
        var response = tokenResponse();
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.data.token");
    }

    private HttpResponse<String> tokenResponse() throws Exception {
        return send(HttpRequest.newBuilder(uri("auth/client-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"client_id\":\"acme-demo-client\",\"client_secret\":\"acme-demo-secret\"}")));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + SimulatorHttpTest.BASE + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
