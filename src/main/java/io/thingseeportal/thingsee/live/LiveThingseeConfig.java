package io.thingseeportal.thingsee.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import io.thingseeportal.thingsee.RecentApiErrors;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The live {@link ThingseeClient}: Spring WebClient on Reactor Netty with the configured timeouts. */
@Configuration
class LiveThingseeConfig {

    /** The client's own pool, sized for many concurrent callers (see {@link ThingseeProperties#maxConnections()}). */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider thingseeConnections(ThingseeProperties properties) {
        return ConnectionProvider.builder("thingsee")
                .maxConnections(properties.maxConnections())
                // Waiting callers are bounded by time, not by number: a burst must wait, not fail.
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(properties.responseTimeout())
                .build();
    }

    @Bean
    ThingseeClient thingseeClient(
            WebClient.Builder builder,
            ObjectMapper json,
            ThingseeProperties properties,
            ConnectionProvider thingseeConnections,
            MeterRegistry meters,
            RecentApiErrors recentErrors,
            Clock clock) {
        HttpClient httpClient = HttpClient.create(thingseeConnections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        WebClient webClient = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                // ThingseeHttp times every call per endpoint and outcome (thingsee.api.calls); Boot's generic
                // http.client.requests observation would count each call a second time, at a cost on every call.
                .observationRegistry(ObservationRegistry.NOOP)
                .build();
        return new LiveThingseeClient(new ThingseeHttp(webClient, json, properties, meters, recentErrors, clock), json);
    }
}
