package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The device faults of a simulated device answering commands, with the answers recorded instead of sent to a broker.
 * The tests let the device answer at once, on their own thread, so that "nothing was published" is a plain assertion.
 */
class SimulatedDeviceFaultsTest extends SimulatorHttpTest {

    record Published(String topic, Map<String, Object> message) {}

    @Autowired
    SimulatorProperties properties;

    @Autowired
    ObjectMapper json;

    final List<Published> published = new CopyOnWriteArrayList<>();
    SimulatedDeviceResponder device;
    String tuid;

    @BeforeEach
    void recordingDevice() throws MqttException {
        var mqtt = new SimulatorMqtt(properties, json) {
            @Override
            void publish(String topic, Map<String, Object> message) {
                published.add(new Published(topic, message));
            }
        };
        device = new SimulatedDeviceResponder(
                store, mqtt, simulatorFaults, clock, Duration.ZERO, Duration.ofMillis(200));
        tuid = tuidOf(ACME, ProductType.PRESENCE);
    }

    @AfterEach
    void stopDevice() {
        device.destroy();
    }

    @Test
    void a_healthy_device_echoes_once() {
        device.respond(ACME, tuid, threshold(1, 200));

        assertThat(transactionIds()).containsExactly(1L);
    }

    @Test
    void an_offline_device_publishes_no_echo_and_applies_nothing() {
        faults.setDevice(tuid, onlyOffline());

        device.respond(ACME, tuid, threshold(1, 200));

        assertThat(published).isEmpty();
        assertThat(threshold()).isEqualTo(150);
        // This command's echo (transactionId 1); the stack's shared history may hold echoes of other tests' commands.
        assertThat(messages())
                .noneMatch(message -> message.tsmEv() == 31
                        && message.fields().get("transactionId") instanceof Number id
                        && id.longValue() == 1);
    }

    @Test
    void offline_globally_silences_every_device() {
        faults.setGlobal(onlyOffline());

        device.respond(ACME, tuid, threshold(1, 200));
        device.respond(ACME, tuidOf(ACME, ProductType.AIR), Map.of("tsmId", 1600, "tsmEv", 35, "transactionId", 2));

        assertThat(published).isEmpty();
    }

    @Test
    void offline_in_one_stack_leaves_the_devices_of_another_stack_answering() {
        faults.setGlobal(onlyOffline());

        device.respond(
                BOREALIS, tuidOf(BOREALIS, ProductType.AIR), Map.of("tsmId", 1600, "tsmEv", 35, "transactionId", 4));

        assertThat(transactionIds()).containsExactly(4L);
    }

    @Test
    void with_drop_rate_one_no_echo_arrives_but_the_device_applied_the_command() {
        faults.setDevice(tuid, new FaultSettings(0, 0, false, 1, false, false, false));

        device.respond(ACME, tuid, threshold(1, 200));
        device.respond(ACME, tuid, threshold(2, 300));

        assertThat(published).isEmpty();
        assertThat(threshold()).isEqualTo(300);
    }

    @Test
    void with_drop_rate_zero_every_echo_arrives() {
        faults.setDevice(tuid, new FaultSettings(0, 0, false, 0, false, false, false));

        for (long id = 1; id <= 20; id++) {
            device.respond(ACME, tuid, threshold(id, 200));
        }

        assertThat(published).hasSize(20);
    }

    @Test
    void a_duplicating_device_publishes_each_echo_twice_on_the_same_topic() {
        faults.setDevice(tuid, new FaultSettings(0, 0, false, 0, true, false, false));

        device.respond(ACME, tuid, threshold(7, 200));

        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isEqualTo(published.get(1));
        assertThat(published.get(0).topic()).endsWith("/" + tuid + "/13200");
    }

    @Test
    void a_reordering_device_lets_the_next_echo_overtake_the_held_one() {
        faults.setDevice(tuid, new FaultSettings(0, 0, false, 0, false, true, false));

        device.respond(ACME, tuid, threshold(1, 200));
        assertThat(published).isEmpty();
        device.respond(ACME, tuid, threshold(2, 300));

        assertThat(transactionIds()).containsExactly(2L, 1L);
    }

    @Test
    void a_held_echo_goes_out_when_no_other_overtakes_it_in_time() {
        faults.setDevice(tuid, new FaultSettings(0, 0, false, 0, false, true, false));

        device.respond(ACME, tuid, threshold(1, 200));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(transactionIds()).containsExactly(1L));
    }

    @Test
    void by_default_an_out_of_range_value_is_clamped_silently_and_the_echo_shows_the_clamped_value() {
        device.respond(ACME, tuid, threshold(1, 5000));

        assertThat(published)
                .singleElement()
                .satisfies(echo -> assertThat(echo.message()).containsEntry("threshold", 1100));
    }

    @Test
    void an_unclamped_device_applies_and_echoes_an_out_of_range_value_as_requested() {
        faults.setDevice(tuid, new FaultSettings(0, 0, false, 0, false, false, true));

        device.respond(ACME, tuid, threshold(1, 5000));

        assertThat(published)
                .singleElement()
                .satisfies(echo -> assertThat(echo.message()).containsEntry("threshold", 5000));
        assertThat(threshold()).isEqualTo(5000);
    }

    @Test
    void the_faults_of_one_device_leave_the_others_healthy() {
        faults.setDevice(tuid, onlyOffline());
        String other = tuidOf(ACME, ProductType.AIR);

        device.respond(ACME, other, Map.of("tsmId", 1600, "tsmEv", 35, "transactionId", 3));

        assertThat(transactionIds()).containsExactly(3L);
    }

    private Object threshold() {
        Map<String, Object> configuration = store.read(ACME, state -> state.configuration(tuid, 13200));
        return configuration.get("threshold");
    }

    private List<DeviceMessage> messages() {
        return store.read(ACME, state -> state.messages(tuid));
    }

    private List<Long> transactionIds() {
        return published.stream()
                .map(echo -> ((Number) echo.message().get("transactionId")).longValue())
                .toList();
    }

    private static FaultSettings onlyOffline() {
        return new FaultSettings(0, 0, true, 0, false, false, false);
    }

    private static Map<String, Object> threshold(long transactionId, int threshold) {
        return Map.of("tsmId", 13200, "tsmEv", 30, "transactionId", transactionId, "threshold", threshold);
    }
}
