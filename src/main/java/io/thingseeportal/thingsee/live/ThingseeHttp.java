package io.thingseeportal.thingsee.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.thingseeportal.thingsee.RecentApiErrors;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeProperties;
import io.thingseeportal.thingsee.ThingseeStack;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sends calls to a Thingsee stack: the client token (re-signing in once on a 401), retries of safe calls with
 * exponential backoff and jitter, typed errors, a log line and a timer per call. Tokens and secrets are never logged.
 */
class ThingseeHttp {

    private static final Logger log = LoggerFactory.getLogger(ThingseeHttp.class);
    private static final String TOKEN_PATH = "auth/client-token";

    private final WebClient webClient;
    private final ObjectMapper json;
    private final ThingseeProperties properties;
    private final MeterRegistry meters;
    private final TokenCache tokens;
    private final RecentApiErrors recentErrors;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(HttpMethod method, String endpoint, String outcome) {}

    ThingseeHttp(
            WebClient webClient,
            ObjectMapper json,
            ThingseeProperties properties,
            MeterRegistry meters,
            RecentApiErrors recentErrors,
            Clock clock) {
        this.webClient = webClient;
        this.recentErrors = recentErrors;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
        this.tokens = new TokenCache(this::signIn, properties.token(), clock);
    }

    /** Sends the call and returns the {@code data} of Thingsee's answer (a null node when there is none). */
    JsonNode send(ThingseeStack stack, ThingseeCall call) {
        Mono<JsonNode> once = token(stack)
                .flatMap(token -> exchange(stack, call, token).onErrorResume(TokenRefused.class, refused -> {
                    tokens.refused(stack, token);
                    return token(stack)
                            .flatMap(renewed -> exchange(stack, call, renewed))
                            .onErrorMap(TokenRefused.class, TokenRefused::asBadCredentials);
                }));
        return block(call.retryable() ? once.retryWhen(retry()) : once);
    }

    /** Signs in afresh, bypassing the kept tokens: a test of the stack's credentials. */
    void checkCredentials(ThingseeStack stack) {
        signIn(stack);
    }

    private String signIn(ThingseeStack stack) {
        var body = Map.of("client_id", stack.clientId(), "client_secret", stack.clientSecret());
        var call = new ThingseeCall(HttpMethod.POST, TOKEN_PATH, new Object[0], Map.of(), body, false);
        // Not retried here: the call that needs the token is retried as a whole, sign-in included.
        JsonNode data =
                block(exchange(stack, call, null).onErrorMap(TokenRefused.class, TokenRefused::asBadCredentials));
        String token = data.path("token").asText("");
        if (token.isEmpty()) {
            throw new ThingseeException.Unavailable(200, "OK", "The client-token answer carried no token", null);
        }
        return token;
    }

    /** A valid token; only signing in blocks, so only then does the call move to a thread that may block. */
    private Mono<String> token(ThingseeStack stack) {
        return Mono.defer(() -> {
            String cached = tokens.cached(stack);
            return cached != null
                    ? Mono.just(cached)
                    : Mono.fromCallable(() -> tokens.token(stack)).subscribeOn(Schedulers.boundedElastic());
        });
    }

    private Mono<JsonNode> exchange(ThingseeStack stack, ThingseeCall call, @Nullable String token) {
        return Mono.defer(() -> {
            String correlationId = correlationId();
            long started = System.nanoTime();
            URI uri = uri(stack, call);
            WebClient.RequestBodySpec request = webClient
                    .method(call.method())
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> {
                        headers.set("X-Correlation-Id", correlationId);
                        if (token != null) {
                            headers.setBearerAuth(token);
                        }
                    });
            var sent = call.body() == null ? request : request.bodyValue(call.body());
            return sent.exchangeToMono(response -> response.bodyToMono(String.class)
                            .defaultIfEmpty("")
                            .map(text -> answer(
                                    response.statusCode(), response.headers().asHttpHeaders(), text)))
                    .onErrorMap(
                            error -> !(error instanceof ThingseeException) && !(error instanceof TokenRefused),
                            ThingseeHttp::unreachable)
                    .doOnEach(signal -> {
                        if (signal.isOnNext() || signal.isOnError()) {
                            record(stack, call, correlationId, started, signal.getThrowable());
                        }
                    });
        });
    }

    private URI uri(ThingseeStack stack, ThingseeCall call) {
        var builder = UriComponentsBuilder.fromUri(stack.baseUrl()).path(call.template());
        call.query().forEach((name, value) -> {
            if (value != null) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().buildAndExpand(call.variables()).toUri();
    }

    private JsonNode answer(HttpStatusCode status, HttpHeaders headers, String body) {
        if (status.is2xxSuccessful()) {
            return body.isBlank() ? NullNode.getInstance() : parse(body).path("data");
        }
        ErrorBody error = ErrorBody.parse(json, status, body);
        int code = status.value();
        throw switch (code) {
            case 401 -> new TokenRefused(code, error);
            case 403 -> new ThingseeException.BadCredentials(code, error.reason(), error.message());
            case 404 -> new ThingseeException.NotFound(code, error.reason(), error.message());
            case 409 -> new ThingseeException.Conflict(code, error.reason(), error.message());
            case 429 ->
                new ThingseeException.RateLimited(
                        code,
                        error.reason(),
                        error.message(),
                        RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER)));
            default ->
                code >= 500
                        ? new ThingseeException.Unavailable(code, error.reason(), error.message(), null)
                        : new ThingseeException.InvalidRequest(code, error.reason(), error.message());
        };
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new ThingseeException.Unavailable(200, "OK", "Thingsee answered with something other than JSON", e);
        }
    }

    private static Throwable unreachable(Throwable error) {
        String what = timedOut(error)
                ? "No answer in time"
                : error instanceof WebClientRequestException ? "Cannot connect" : "Transport failure";
        return new ThingseeException.Unavailable(0, what, String.valueOf(error.getMessage()), error);
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Retry retry() {
        ThingseeProperties.Retry settings = properties.retry();
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            if (!worthRetrying(failure) || signal.totalRetries() + 1 >= settings.maxAttempts()) {
                return Mono.error(failure);
            }
            return Mono.delay(backoff(signal.totalRetries(), failure, settings));
        }));
    }

    /** The retry settings, for the calls that retry by themselves ({@link CheckedResend}). */
    ThingseeProperties.Retry retrySettings() {
        return properties.retry();
    }

    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof ThingseeException.RateLimited) {
            return true;
        }
        if (failure instanceof ThingseeException.Unavailable unavailable) {
            int status = unavailable.status();
            return status == 0 || status == 502 || status == 503 || status == 504;
        }
        return false;
    }

    static Duration backoff(long retriesSoFar, Throwable failure, ThingseeProperties.Retry settings) {
        if (failure instanceof ThingseeException.RateLimited limited && limited.retryAfter() != null) {
            Duration asked = limited.retryAfter();
            return asked.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : asked;
        }
        long base = settings.initialBackoff().toMillis() << Math.min(retriesSoFar, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        double spread = capped * settings.jitter();
        long jittered = Math.round(capped - spread + ThreadLocalRandom.current().nextDouble() * spread);
        return Duration.ofMillis(Math.max(0, jittered));
    }

    private JsonNode block(Mono<JsonNode> call) {
        JsonNode data = call.block();
        return data == null ? NullNode.getInstance() : data;
    }

    private void record(
            ThingseeStack stack, ThingseeCall call, String correlationId, long started, @Nullable Throwable failure) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String outcome = outcome(failure);
        timers.computeIfAbsent(new TimerKey(call.method(), call.template(), outcome), this::timer)
                .record(took);
        if (failure != null && !(failure instanceof TokenRefused)) {
            recentErrors.record(
                    stack, call.method().name(), call.template(), outcome, String.valueOf(failure.getMessage()));
            log.warn(
                    "Thingsee {} {} -> {} in {} ms [{}]: {}",
                    call.method(),
                    call.template(),
                    outcome,
                    took.toMillis(),
                    correlationId,
                    failure.getMessage());
        } else if (failure != null || call.template().equals(TOKEN_PATH)) {
            // Sign-ins and refused tokens: a few an hour per tenant, and what an operator looks for first.
            log.info(
                    "Thingsee {} {} -> {} in {} ms [{}]",
                    call.method(),
                    call.template(),
                    outcome,
                    took.toMillis(),
                    correlationId);
        } else {
            // Every successful call: thousands a minute in a bulk change, counted by the timer above. Writing each
            // to the log cost more than the client's own work (docs/benchmarks.md); DEBUG shows them.
            log.debug(
                    "Thingsee {} {} -> {} in {} ms [{}]",
                    call.method(),
                    call.template(),
                    outcome,
                    took.toMillis(),
                    correlationId);
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("thingsee.api.calls")
                .description("Calls to the Thingsee Open Services API")
                .tag("method", key.method().name())
                .tag("endpoint", key.endpoint())
                .tag("outcome", key.outcome())
                .register(meters);
    }

    /**
     * Names one call in our log and in the request's {@code X-Correlation-Id}: unique enough to find a call, and
     * without {@link java.util.UUID#randomUUID()}'s shared secure random, which every concurrent call would queue on.
     */
    private static String correlationId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String outcome(@Nullable Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof TokenRefused) {
            return "token_refused";
        }
        if (failure instanceof ThingseeException thingsee) {
            return thingsee.status() == 0 ? "unreachable" : String.valueOf(thingsee.status());
        }
        return "error";
    }

    /** A 401: the token expired early or was revoked. Signing in again once decides whether it is the credentials. */
    static final class TokenRefused extends RuntimeException {
        private final int status;
        private final ErrorBody error;

        TokenRefused(int status, ErrorBody error) {
            super(status + " " + error.reason() + ": " + error.message(), null, false, false);
            this.status = status;
            this.error = error;
        }

        ThingseeException.BadCredentials asBadCredentials() {
            return new ThingseeException.BadCredentials(status, error.reason(), error.message());
        }
    }
}
