package io.thingseeportal.deviceconfig;

import io.thingseeportal.thingsee.mqtt.TestBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RemoteConfiguration} through Mosquitto (the machine's binary, with persistence, as in production). */
class MosquittoRemoteConfigurationIT extends RemoteConfiguration {

    static final TestBroker BROKER = new TestBroker.Mosquitto();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        BROKER.start();
        settings(registry, "mosquitto", BROKER::url);
    }

    @Override
    TestBroker broker() {
        return BROKER;
    }
}
