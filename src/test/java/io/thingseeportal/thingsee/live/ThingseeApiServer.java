package io.thingseeportal.thingsee.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted Thingsee API on a local port: the client-token endpoint answers by itself (counting its calls and
 * numbering its tokens), every other request takes the next scripted answer and is recorded.
 */
final class ThingseeApiServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Queue<MockResponse> answers = new ConcurrentLinkedQueue<>();
    private final Queue<RecordedRequest> apiRequests = new ConcurrentLinkedQueue<>();
    private final Queue<RecordedRequest> tokenRequests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile MockResponse tokenAnswer = null;

    ThingseeApiServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().endsWith("/auth/client-token")) {
                    tokenRequests.add(request);
                    if (tokenAnswer != null) {
                        return tokenAnswer;
                    }
                    return json(200, "{\"data\":{\"token\":\"token-" + tokensIssued.incrementAndGet() + "\"}}");
                }
                apiRequests.add(request);
                MockResponse next = answers.poll();
                return next != null
                        ? next
                        : json(500, "{\"statusCode\":500,\"error\":\"Unscripted\",\"message\":\"\"}");
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return server.url("/prod/v1/").toString();
    }

    ThingseeApiServer answer(MockResponse response) {
        answers.add(response);
        return this;
    }

    ThingseeApiServer answer(int status, String body) {
        return answer(json(status, body));
    }

    void answerTokenRequestsWith(MockResponse response) {
        tokenAnswer = response;
    }

    List<RecordedRequest> apiRequests() {
        return new ArrayList<>(apiRequests);
    }

    RecordedRequest lastApiRequest() {
        List<RecordedRequest> all = apiRequests();
        return all.get(all.size() - 1);
    }

    List<RecordedRequest> tokenRequests() {
        return new ArrayList<>(tokenRequests);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
