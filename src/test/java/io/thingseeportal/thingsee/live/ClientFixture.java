package io.thingseeportal.thingsee.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.MutableClock;
import io.thingseeportal.thingsee.RecentApiErrors;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeProperties;
import io.thingseeportal.thingsee.ThingseeStack;
import java.net.URI;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;

/** The live client as the application builds it, with short waits so that retries do not slow the tests. */
final class ClientFixture {

    static final String CLIENT_ID = "acme-client";
    static final String CLIENT_SECRET = "s3cr3t-never-logged";

    final MutableClock clock = new MutableClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RecentApiErrors errors = new RecentApiErrors(clock);
    final ThingseeClient client;
    final ThingseeStack stack;

    ClientFixture(ThingseeApiServer server) {
        this(server, Duration.ofSeconds(5));
    }

    ClientFixture(ThingseeApiServer server, Duration responseTimeout) {
        var properties = new ThingseeProperties(
                Duration.ofSeconds(2),
                responseTimeout,
                16,
                new ThingseeProperties.Retry(3, Duration.ofMillis(10), Duration.ofSeconds(2), 0.5),
                new ThingseeProperties.Token(Duration.ofMinutes(15), Duration.ofMinutes(1)),
                java.util.Map.of());
        var config = new LiveThingseeConfig();
        client = config.thingseeClient(
                WebClient.builder(),
                new ObjectMapper(),
                properties,
                config.thingseeConnections(properties),
                meters,
                errors,
                clock);
        stack = new ThingseeStack(URI.create(server.baseUrl()), CLIENT_ID, CLIENT_SECRET);
    }
}
