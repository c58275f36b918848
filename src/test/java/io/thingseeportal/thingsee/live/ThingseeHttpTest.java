package io.thingseeportal.thingsee.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Tokens, retries and errors of the live client, on the wire. */
@ExtendWith(OutputCaptureExtension.class)
class ThingseeHttpTest {

    static final String NOT_FOUND = """
            {"statusCode":404,"error":"Not Found","message":"Thing TSPR04EZU31901021 not found"}""";

    static final String INSTALLED_ENTRY =
            "{\"tuid\":\"TSPR04EZU31901021\",\"installation_status\":\"installed\",\"group_id\":\"prfi00office\"}";
    static final String INSTALLED = "{\"data\":" + INSTALLED_ENTRY + "}";

    final ThingseeApiServer server = new ThingseeApiServer();
    final ClientFixture fixture = new ClientFixture(server);

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void the_token_is_reused_until_shortly_before_it_expires() {
        server.answer(200, "{\"data\":[]}").answer(200, "{\"data\":[]}").answer(200, "{\"data\":[]}");

        fixture.client.listGroups(fixture.stack);
        fixture.clock.advance(Duration.ofMinutes(13));
        fixture.client.listGroups(fixture.stack);
        fixture.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        fixture.client.listGroups(fixture.stack);

        assertThat(server.tokenRequests()).hasSize(2);
        assertThat(server.apiRequests())
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void a_401_signs_in_again_once_and_repeats_the_call() {
        server.answer(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Token expired\"}")
                .answer(200, "{\"data\":[]}");

        assertThat(fixture.client.listGroups(fixture.stack)).isEmpty();

        assertThat(server.tokenRequests()).hasSize(2);
        assertThat(server.apiRequests())
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void a_second_401_means_bad_credentials() {
        var unauthorized = "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Invalid token\"}";
        server.answer(401, unauthorized).answer(401, unauthorized);

        assertThatThrownBy(() -> fixture.client.listGroups(fixture.stack))
                .isInstanceOfSatisfying(ThingseeException.BadCredentials.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.apiMessage()).isEqualTo("Invalid token");
                });
        assertThat(server.apiRequests()).hasSize(2);
    }

    @Test
    void refused_client_credentials_are_bad_credentials_and_not_retried() {
        server.answerTokenRequestsWith(ThingseeApiServer.json(
                401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Invalid client credentials\"}"));

        assertThatThrownBy(() -> fixture.client.listGroups(fixture.stack))
                .isInstanceOfSatisfying(
                        ThingseeException.BadCredentials.class,
                        e -> assertThat(e.apiMessage()).isEqualTo("Invalid client credentials"));
        assertThat(server.tokenRequests()).hasSize(1);
        assertThat(server.apiRequests()).isEmpty();
    }

    @Test
    void an_unknown_device_is_not_found_with_the_apis_reason_and_message() {
        server.answer(404, NOT_FOUND);

        assertThatThrownBy(() -> fixture.client.getDevice(fixture.stack, "TSPR04EZU31901021"))
                .isInstanceOfSatisfying(ThingseeException.NotFound.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.reason()).isEqualTo("Not Found");
                    assertThat(e.apiMessage()).isEqualTo("Thing TSPR04EZU31901021 not found");
                });
        assertThat(server.apiRequests()).hasSize(1);
    }

    @Test
    void an_existing_group_is_a_conflict() {
        server.answer(409, "{\"statusCode\":409,\"error\":\"Conflict\",\"message\":\"Group exists\"}");

        assertThatThrownBy(() -> fixture.client.createGroup(fixture.stack, "prfi00office", null))
                .isInstanceOf(ThingseeException.Conflict.class)
                .hasMessageContaining("Group exists");
    }

    @Test
    void a_refused_request_is_invalid_and_not_retried() {
        server.answer(400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"tsmId 9999 not allowed\"}");

        assertThatThrownBy(() -> fixture.client.sendCommands(fixture.stack, "TSPR04EZU31901021", List.of(command())))
                .isInstanceOfSatisfying(
                        ThingseeException.InvalidRequest.class,
                        e -> assertThat(e.apiMessage()).isEqualTo("tsmId 9999 not allowed"));
        assertThat(server.apiRequests()).hasSize(1);
    }

    @Test
    void a_429_is_retried_after_the_time_thingsee_asks_for() {
        server.answer(ThingseeApiServer.json(
                                429, "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"\"}")
                        .setHeader("Retry-After", "1"))
                .answer(200, "{\"data\":[]}");

        long started = System.nanoTime();
        assertThat(fixture.client.listGroups(fixture.stack)).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.apiRequests()).hasSize(2);
    }

    @Test
    void when_429_persists_the_caller_learns_when_to_try_again() {
        for (int i = 0; i < 3; i++) {
            server.answer(ThingseeApiServer.json(429, "{\"statusCode\":429,\"error\":\"Too Many Requests\"}")
                    .setHeader("Retry-After", "0"));
        }

        assertThatThrownBy(() -> fixture.client.listGroups(fixture.stack))
                .isInstanceOfSatisfying(
                        ThingseeException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ZERO));
        assertThat(server.apiRequests()).hasSize(3);
    }

    @Test
    void a_non_json_502_page_is_retried_and_then_reported_with_its_text() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
        for (int i = 0; i < 3; i++) {
            server.answer(new MockResponse()
                    .setResponseCode(502)
                    .setHeader("Content-Type", "text/html")
                    .setBody(page));
        }

        assertThatThrownBy(() -> fixture.client.getDevice(fixture.stack, "TSPR04EZU31901021"))
                .isInstanceOfSatisfying(ThingseeException.Unavailable.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.reason()).isEqualTo("Bad Gateway");
                    assertThat(e.apiMessage()).isEqualTo("502 Bad Gateway 502 Bad Gateway");
                });
        assertThat(server.apiRequests()).hasSize(3);
    }

    @Test
    void a_503_then_success_succeeds_for_a_safe_call() {
        server.answer(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"\"}")
                .answer(200, "{\"data\":{\"group_id\":\"prfi00office\",\"tuid\":\"TSPR04EZU31901021\"}}");

        assertThat(fixture.client
                        .setDeviceGroup(fixture.stack, "TSPR04EZU31901021", "prfi00office")
                        .groupId())
                .isEqualTo("prfi00office");
        assertThat(server.apiRequests()).hasSize(2);
        // The failed attempt is remembered for the stack's health, though the call succeeded in the end.
        assertThat(fixture.errors.recent(fixture.stack)).singleElement().satisfies(error -> {
            assertThat(error.method()).isEqualTo("POST");
            assertThat(error.endpoint()).isEqualTo("things/{tuid}/group");
            assertThat(error.outcome()).isEqualTo("503");
        });
    }

    @Test
    void creating_a_group_is_not_repeated_after_a_503() {
        server.answer(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"\"}");

        assertThatThrownBy(() -> fixture.client.createGroup(fixture.stack, "prfi00office", null))
                .isInstanceOf(ThingseeException.Unavailable.class);
        assertThat(server.apiRequests()).hasSize(1);
    }

    @Test
    void a_retried_command_is_sent_again_with_the_same_transaction_id() {
        server.answer(504, "{\"statusCode\":504,\"error\":\"Gateway Timeout\",\"message\":\"\"}")
                .answer(200, "{\"data\":{\"responsible\":\"api-user\",\"commands\":[]}}");

        fixture.client.sendCommands(fixture.stack, "TSPR04EZU31901021", List.of(command()));

        assertThat(server.apiRequests()).hasSize(2);
        List<String> bodies = new ArrayList<>();
        server.apiRequests().forEach(request -> bodies.add(request.getBody().readUtf8()));
        assertThat(bodies.get(0)).contains("\"transactionId\":4242").isEqualTo(bodies.get(1));
    }

    @Test
    void an_installation_status_whose_answer_was_lost_is_asked_for_and_not_sent_again() throws Exception {
        try (var slow = new ThingseeApiServer()) {
            var quick = new ClientFixture(slow, Duration.ofMillis(300));
            slow.answer(ThingseeApiServer.json(200, INSTALLED).setHeadersDelay(2, TimeUnit.SECONDS))
                    .answer(200, "{\"data\":[" + INSTALLED_ENTRY + "]}");

            InstallationRecord set =
                    quick.client.setInstallationStatus(quick.stack, "TSPR04EZU31901021", InstallationStatus.INSTALLED);

            assertThat(set.status()).isEqualTo(InstallationStatus.INSTALLED);
            assertThat(slow.apiRequests())
                    .extracting(request -> request.getMethod() + " " + request.getPath())
                    .containsExactly(
                            "POST /prod/v1/things/TSPR04EZU31901021/installations",
                            "GET /prod/v1/things/TSPR04EZU31901021/installations?limit=1");
        }
    }

    @Test
    void an_installation_status_that_did_not_arrive_is_sent_again_after_asking() {
        server.answer(504, "{\"statusCode\":504,\"error\":\"Gateway Timeout\",\"message\":\"\"}")
                .answer(200, "{\"data\":[]}")
                .answer(200, INSTALLED);

        fixture.client.setInstallationStatus(fixture.stack, "TSPR04EZU31901021", InstallationStatus.INSTALLED);

        assertThat(server.apiRequests())
                .extracting(request -> request.getMethod() + " " + request.getPath())
                .containsExactly(
                        "POST /prod/v1/things/TSPR04EZU31901021/installations",
                        "GET /prod/v1/things/TSPR04EZU31901021/installations?limit=1",
                        "POST /prod/v1/things/TSPR04EZU31901021/installations");
    }

    @Test
    void an_installation_status_refused_with_503_is_sent_again_without_asking() {
        server.answer(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"\"}")
                .answer(200, INSTALLED);

        fixture.client.setInstallationStatus(fixture.stack, "TSPR04EZU31901021", InstallationStatus.INSTALLED);

        assertThat(server.apiRequests()).extracting(RecordedRequest::getMethod).containsExactly("POST", "POST");
    }

    @Test
    void a_call_that_gets_no_answer_in_time_is_unavailable_after_its_retries() throws Exception {
        try (var slow = new ThingseeApiServer()) {
            var quick = new ClientFixture(slow, Duration.ofMillis(300));
            for (int i = 0; i < 3; i++) {
                slow.answer(ThingseeApiServer.json(200, "{\"data\":[]}").setHeadersDelay(2, TimeUnit.SECONDS));
            }

            assertThatThrownBy(() -> quick.client.listGroups(quick.stack))
                    .isInstanceOfSatisfying(ThingseeException.Unavailable.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.reason()).isEqualTo("No answer in time");
                    });
            assertThat(slow.apiRequests()).hasSize(3);
        }
    }

    @Test
    void a_stack_that_cannot_be_reached_is_unavailable_after_the_retries() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new io.thingseeportal.thingsee.ThingseeStack(
                java.net.URI.create("http://127.0.0.1:" + closedPort + "/prod/v1/"), "id", "secret");

        assertThatThrownBy(() -> fixture.client.listGroups(unreachable))
                .isInstanceOfSatisfying(ThingseeException.Unavailable.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.reason()).isEqualTo("Cannot connect");
                });
        assertThat(fixture.meters
                        .get("thingsee.api.calls")
                        .tags("outcome", "unreachable")
                        .timer()
                        .count())
                .isEqualTo(3);
    }

    @Test
    void a_hundred_concurrent_calls_with_an_expired_token_share_one_token_request() throws Exception {
        server.answer(200, "{\"data\":[]}");
        fixture.client.listGroups(fixture.stack);
        fixture.clock.advance(Duration.ofMinutes(20));
        for (int i = 0; i < 100; i++) {
            server.answer(200, "{\"data\":[]}");
        }

        ExecutorService callers = Executors.newFixedThreadPool(100);
        try {
            var start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Callable<Object> call = () -> {
                    start.await();
                    return fixture.client.listGroups(fixture.stack);
                };
                calls.add(callers.submit(call));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(server.tokenRequests()).hasSize(2);
        assertThat(server.apiRequests()).hasSize(101);
        assertThat(server.apiRequests().subList(1, 101))
                .allSatisfy(request ->
                        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-2"));
    }

    @Test
    void calls_are_logged_with_method_path_outcome_and_correlation_id_but_never_a_secret(CapturedOutput output) {
        server.answer(404, NOT_FOUND);

        assertThatThrownBy(() -> fixture.client.getDevice(fixture.stack, "TSPR04EZU31901021"));

        String correlationId = server.lastApiRequest().getHeader("X-Correlation-Id");
        assertThat(output.getOut())
                .contains("Thingsee POST auth/client-token -> success")
                .contains("Thingsee GET things/{tuid} -> 404")
                .contains("[" + correlationId + "]")
                .doesNotContain(ClientFixture.CLIENT_SECRET)
                .doesNotContain("token-1");
    }

    @Test
    void successful_calls_are_logged_only_when_the_client_logs_at_debug(CapturedOutput output) {
        var logging = LoggingSystem.get(getClass().getClassLoader());
        server.answer(200, "{\"data\":[]}").answer(200, "{\"data\":[]}");

        fixture.client.listGroups(fixture.stack);
        assertThat(output.getOut()).doesNotContain("Thingsee GET groups -> success");

        logging.setLogLevel(ThingseeHttp.class.getName(), LogLevel.DEBUG);
        try {
            fixture.client.listGroups(fixture.stack);
        } finally {
            logging.setLogLevel(ThingseeHttp.class.getName(), null);
        }
        assertThat(output.getOut())
                .containsOnlyOnce("Thingsee GET groups -> success")
                .contains("[" + server.lastApiRequest().getHeader("X-Correlation-Id") + "]");
    }

    @Test
    void every_call_is_timed_per_endpoint_and_outcome() {
        server.answer(404, NOT_FOUND).answer(200, "{\"data\":[]}");

        assertThatThrownBy(() -> fixture.client.getDevice(fixture.stack, "TSPR04EZU31901021"));
        fixture.client.listGroups(fixture.stack);

        assertThat(fixture.meters
                        .get("thingsee.api.calls")
                        .tags("endpoint", "things/{tuid}", "outcome", "404")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(fixture.meters
                        .get("thingsee.api.calls")
                        .tags("endpoint", "groups", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private static ThingseeMessage command() {
        return new ThingseeMessage(Map.of("tsmId", 1500, "tsmEv", 30, "transactionId", 4242, "reportInterval", 300));
    }
}
