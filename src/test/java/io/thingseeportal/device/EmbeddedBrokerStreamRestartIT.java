package io.thingseeportal.device;

import io.thingseeportal.thingsee.mqtt.TestBroker;

/** {@link StreamRestart} through HiveMQ CE embedded, configured as the demo's broker. */
class EmbeddedBrokerStreamRestartIT extends StreamRestart {

    @Override
    TestBroker broker() {
        return new TestBroker.HiveMq();
    }

    @Override
    String name() {
        return "hivemq";
    }

    /** The test broker, like the demo's, takes 65,535 publishes in flight (HiveMQ's default is 10). */
    @Override
    int publishWindow() {
        return 50;
    }
}
