package io.thingseeportal.device;

import io.thingseeportal.thingsee.mqtt.TestBroker;

/** {@link StreamRestart} through Mosquitto (the machine's binary, queue limits as docs/deployment.md says). */
class MosquittoStreamRestartIT extends StreamRestart {

    @Override
    TestBroker broker() {
        return new TestBroker.Mosquitto();
    }

    @Override
    String name() {
        return "mosquitto";
    }

    /** Mosquitto takes 1,000 in flight (docker/mosquitto.conf, the test broker). */
    @Override
    int publishWindow() {
        return 50;
    }
}
