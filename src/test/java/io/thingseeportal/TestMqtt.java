package io.thingseeportal;

/** The MQTT broker the integration tests use: the machine's Mosquitto unless {@code PORTAL_TEST_MQTT_URL} says. */
public final class TestMqtt {

    public static final String URL = System.getenv().getOrDefault("PORTAL_TEST_MQTT_URL", "tcp://127.0.0.1:1883");

    private TestMqtt() {}
}
