package io.thingseeportal.deviceconfig;

import io.thingseeportal.thingsee.mqtt.TestBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RemoteConfiguration} through HiveMQ CE embedded, configured as the demo's broker. */
class EmbeddedBrokerRemoteConfigurationIT extends RemoteConfiguration {

    static final TestBroker BROKER = new TestBroker.HiveMq();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        BROKER.start();
        settings(registry, "hivemq", BROKER::url);
    }

    @Override
    TestBroker broker() {
        return BROKER;
    }
}
