package io.thingseeportal.demo.broker;

import io.thingseeportal.demo.DemoProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Starts the embedded broker in the demo profile, before anything that connects to it. */
@Configuration
@Profile("demo")
@ConditionalOnProperty(name = "portal.demo.broker.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedBrokerConfig {

    @Bean
    EmbeddedBroker embeddedBroker(DemoProperties demo) {
        return new EmbeddedBroker(demo.broker(), demo.dataDirectory());
    }
}
