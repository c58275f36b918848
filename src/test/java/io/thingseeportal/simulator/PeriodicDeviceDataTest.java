package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.thingseeportal.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PeriodicDeviceDataTest {

    private static final Instant NOW = Instant.parse("2025-06-02T08:00:00Z");
    private static final String GROUP = "prfi00lobby";
    private static final String SENSOR = "TSPR04EZU31901021";
    private static final String GATEWAY = "TSGW06EWK31903495";
    private static final String EMPTY = "TSAR02EAB12345678";

    private final MutableClock clock = new MutableClock(NOW);
    private final SimulatorMqtt mqtt = mock(SimulatorMqtt.class);
    private final SimulatorStore store = new InMemorySimulatorStore(Set.of("acme"), stack -> fleet());

    @Test
    void a_sensor_reports_battery_and_its_data_message_on_its_topics_at_its_report_interval() {
        var data = periodicData(1.0);
        clock.advance(Duration.ofSeconds(299));
        data.tick();
        verify(mqtt, never()).publish(anyString(), anyString(), any());

        clock.advance(Duration.ofSeconds(1));
        data.tick();

        var published = published();
        assertThat(published)
                .containsKeys(
                        "cloudext/json/pr/fi/prfi00lobby/" + SENSOR + "/1110",
                        "cloudext/json/pr/fi/prfi00lobby/" + SENSOR + "/13100");
        assertThat(published.get("cloudext/json/pr/fi/prfi00lobby/" + SENSOR + "/1110"))
                .containsEntry("tsmEv", 10)
                .containsEntry("tsmTuid", SENSOR)
                .containsEntry("deploymentGroupId", GROUP)
                .containsEntry("tsmTs", NOW.plusSeconds(300).getEpochSecond())
                .containsEntry("batl", 80);
        assertThat(published.get("cloudext/json/pr/fi/prfi00lobby/" + SENSOR + "/13100"))
                .containsKey("moveCount");
    }

    @Test
    void a_gateway_sends_its_heartbeat_and_no_battery() {
        var data = periodicData(1.0);
        clock.advance(Duration.ofSeconds(300));
        data.tick();

        assertThat(published().keySet())
                .filteredOn(topic -> topic.contains(GATEWAY))
                .containsExactly("cloudext/json/pr/fi/prfi00lobby/" + GATEWAY + "/11200");
    }

    @Test
    void a_device_with_an_empty_battery_sends_nothing() {
        var data = periodicData(1.0);
        clock.advance(Duration.ofSeconds(300));
        data.tick();

        assertThat(published().keySet()).noneMatch(topic -> topic.contains(EMPTY));
    }

    @Test
    void a_report_updates_last_seen_and_the_message_history() {
        var data = periodicData(1.0);
        clock.advance(Duration.ofSeconds(300));
        data.tick();

        store.read("acme", state -> {
            assertThat(state.device(SENSOR).orElseThrow().lastSeen()).isEqualTo(NOW.plusSeconds(300));
            assertThat(state.messages(SENSOR)).extracting(DeviceMessage::tsmId).containsExactlyInAnyOrder(1110, 13100);
            return null;
        });
    }

    @Test
    void each_report_drains_the_battery_by_a_fraction_of_a_point() {
        var data = periodicData(1.0);
        for (int report = 1; report <= 20; report++) {
            clock.advance(Duration.ofSeconds(300));
            data.tick();
            int expected = report < 20 ? 80 : 79;
            assertThat(battery()).as("after report %d", report).isEqualTo(expected);
        }
    }

    @Test
    void the_configured_report_interval_is_honoured() {
        store.update("acme", state -> state.putConfiguration(SENSOR, 1500, Map.of("reportInterval", 600)));
        var data = periodicData(1.0);
        clock.advance(Duration.ofSeconds(300));
        data.tick();
        assertThat(published().keySet()).noneMatch(topic -> topic.contains(SENSOR));

        clock.advance(Duration.ofSeconds(300));
        data.tick();

        assertThat(published().keySet()).anyMatch(topic -> topic.contains(SENSOR));
    }

    @Test
    void the_scale_shortens_every_interval() {
        var data = periodicData(0.1);
        clock.advance(Duration.ofSeconds(30));
        data.tick();

        assertThat(published()).containsKey("cloudext/json/pr/fi/prfi00lobby/" + SENSOR + "/1110");
    }

    @Test
    void the_history_keeps_the_newest_messages_only() {
        var data = periodicData(1.0);
        for (int report = 0; report < 110; report++) {
            clock.advance(Duration.ofSeconds(300));
            data.tick();
        }

        store.read("acme", state -> {
            var messages = state.messages(SENSOR);
            assertThat(messages).hasSize(PeriodicDeviceData.KEPT_MESSAGES);
            assertThat(messages.get(0).tsmTs()).isEqualTo(clock.instant());
            return null;
        });
    }

    @Test
    void a_device_overdue_after_a_pause_reports_within_one_interval() {
        var data = periodicData(1.0);
        clock.advance(Duration.ofDays(1));
        data.tick();
        clock.advance(Duration.ofSeconds(300));
        data.tick();

        Instant lastSeen =
                store.read("acme", state -> state.device(SENSOR).orElseThrow().lastSeen());
        assertThat(lastSeen).isAfter(NOW.plus(Duration.ofDays(1)));
    }

    private PeriodicDeviceData periodicData(double scale) {
        return new PeriodicDeviceData(store, mqtt, properties(scale), clock);
    }

    private int battery() {
        return store.read("acme", state -> state.device(SENSOR).orElseThrow().batteryLevel());
    }

    /** The last message published on each topic. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> published() {
        ArgumentCaptor<String> topics = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<Map<String, Object>> messages = ArgumentCaptor.forClass(Map.class);
        verify(mqtt, atLeast(0)).publish(anyString(), topics.capture(), messages.capture());
        var byTopic = new LinkedHashMap<String, Map<String, Object>>();
        for (int i = 0; i < topics.getAllValues().size(); i++) {
            byTopic.put(topics.getAllValues().get(i), messages.getAllValues().get(i));
        }
        return byTopic;
    }

    private static StackState fleet() {
        var state = new StackState();
        state.putGroup(new SimulatedGroup(GROUP, "Lobby"));
        state.putDevice(device(GATEWAY, ProductType.GATEWAY, 100));
        state.putDevice(device(SENSOR, ProductType.PRESENCE, 80));
        state.putDevice(device(EMPTY, ProductType.AIR, 0));
        return state;
    }

    private static SimulatedDevice device(String tuid, ProductType type, int battery) {
        return new SimulatedDevice(tuid, type, battery, NOW, 65.0, 25.4, GATEWAY, type.firmware(), GROUP);
    }

    private static SimulatorProperties properties(double scale) {
        return new SimulatorProperties(
                true,
                "/simulator/thingsee/v1",
                Duration.ofMinutes(15),
                50,
                1,
                40,
                Map.of(),
                null,
                Duration.ofSeconds(2),
                null,
                true,
                scale);
    }
}
