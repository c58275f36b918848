package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.TestMqtt;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class MqttBrokerHealthIndicatorIT {

    @Test
    void a_reachable_broker_is_up() {
        var indicator = new MqttBrokerHealthIndicator(properties(URI.create(TestMqtt.URL)));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void an_unreachable_broker_is_down() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var indicator = new MqttBrokerHealthIndicator(properties(URI.create("tcp://127.0.0.1:" + closedPort)));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static MqttProperties properties(URI broker) {
        return MqttTestSettings.forBroker(broker, "unused");
    }
}
