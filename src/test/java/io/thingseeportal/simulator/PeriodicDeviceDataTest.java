package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import io.thingseeportal.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private SimulatorMqtt mqtt = mock(SimulatorMqtt.class);
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
                .contains("cloudext/json/pr/fi/prfi00lobby/" + GATEWAY + "/11200")
                .noneMatch(topic -> topic.endsWith("/1110"));
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
            assertThat(state.messages(SENSOR))
                    .extracting(DeviceMessage::tsmId)
                    .containsExactlyInAnyOrder(1100, 1500, 1110, 13100);
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

    @Test
    void the_first_report_after_the_start_tells_the_firmware_and_the_configuration_as_at_boot() {
        var data = periodicData(1.0);
        clock.advance(Duration.ofSeconds(300));
        data.tick();

        var published = published();
        assertThat(published.get("cloudext/json/pr/fi/prfi00lobby/" + SENSOR + "/1100"))
                .containsEntry("tsmEv", 11)
                .containsEntry("swVersion", ProductType.PRESENCE.firmware())
                .containsEntry("modelCode", "TSPR04")
                .containsEntry("psn", "EZU31901021");
        assertThat(published.get("cloudext/json/pr/fi/prfi00lobby/" + SENSOR + "/1500"))
                .containsEntry("tsmEv", 31)
                .containsEntry("reportInterval", 300)
                .containsEntry("measurementInterval", 60)
                .doesNotContainKey("transactionId");
        assertThat(published).containsKey("cloudext/json/pr/fi/prfi00lobby/" + GATEWAY + "/1100");
    }

    @Test
    void later_reports_carry_no_boot_messages_until_the_simulator_starts_again() {
        var sent = recording();
        var data = periodicData(1.0, 1);
        clock.advance(Duration.ofSeconds(300));
        data.tick();
        sent.clear();

        clock.advance(Duration.ofSeconds(300));
        data.tick();
        assertThat(sent).isNotEmpty().noneMatch(message -> message.tsmId() == 1100 || message.tsmId() == 1500);

        clock.advance(Duration.ofSeconds(300));
        periodicData(1.0, 1).tick();
        assertThat(sent)
                .anyMatch(message -> message.tsmId() == 1100 && message.tuid().equals(SENSOR));
    }

    @Test
    void every_product_reports_values_of_the_right_type_and_range_over_a_week() {
        var sent = recording();
        var store = everyProduct(600);
        var data = new PeriodicDeviceData(store, mqtt, properties(1.0, 1), clock);
        for (int report = 0; report < 7 * 24 * 6; report++) {
            clock.advance(Duration.ofSeconds(600));
            data.tick();
        }

        var values = new ValueRanges(sent);
        values.decimal(12100, "temp", 18, 26);
        values.decimal(12100, "humd", 25, 60);
        values.decimal(12100, "airp", 99000, 103000);
        values.whole(12100, "lght", 0, 2000);
        values.whole(13100, "moveCount", 0, 500);
        values.whole(17100, "dist", 30, 4000);
        values.whole(18100, "angle", 0, 359);
        values.whole(24100, "carbonDioxide", 400, 2500);
        values.whole(24100, "status", 0, 0);
        values.whole(24101, "tvoc", 0, 2000);
        values.whole(12102, "resistance", 0, 65535);
        values.whole(13103, "in", 0, 1000);
        values.whole(13103, "out", 0, 1000);
        values.whole(11200, "sinkCost", 0, 2);
        values.whole(1110, "batl", 0, 100);
        // Days and nights, offices full and empty: the values move through their ranges.
        values.spread(12100, "temp", 3);
        values.spread(12100, "humd", 5);
        values.spread(12100, "lght", 300);
        values.spread(13100, "moveCount", 10);
        values.spread(24100, "carbonDioxide", 300);
        values.spread(17100, "dist", 40);
    }

    @Test
    void temperature_changes_from_report_to_report_by_small_steps() {
        var sent = recording();
        var store = everyProduct(300);
        var data = new PeriodicDeviceData(store, mqtt, properties(1.0, 1), clock);
        for (int report = 0; report < 24 * 12; report++) {
            clock.advance(Duration.ofSeconds(300));
            data.tick();
        }

        var temperatures = sent.stream()
                .filter(message -> message.tsmId() == 12100)
                .filter(message -> message.tuid().startsWith("TSPD01"))
                .map(message -> ((Number) message.fields().get("temp")).doubleValue())
                .toList();
        assertThat(temperatures).hasSize(24 * 12);
        int changes = 0;
        for (int i = 1; i < temperatures.size(); i++) {
            double step = Math.abs(temperatures.get(i) - temperatures.get(i - 1));
            assertThat(step).as("step %d", i).isLessThan(0.3);
            changes += step > 0 ? 1 : 0;
        }
        assertThat(changes).isGreaterThan(temperatures.size() * 4 / 5);
    }

    @Test
    void count_totals_never_go_down_and_add_up_each_reports_counts() {
        var sent = recording();
        var store = everyProduct(300);
        var data = new PeriodicDeviceData(store, mqtt, properties(1.0, 1), clock);
        for (int report = 0; report < 2 * 24 * 12; report++) {
            clock.advance(Duration.ofSeconds(300));
            data.tick();
        }

        var counts = sent.stream()
                .filter(message -> message.tsmId() == 13103)
                .map(Sent::fields)
                .toList();
        assertThat(counts).hasSize(2 * 24 * 12);
        for (int i = 1; i < counts.size(); i++) {
            var before = counts.get(i - 1);
            var now = counts.get(i);
            assertThat(now.get("totalIn")).isEqualTo((int) before.get("totalIn") + (int) now.get("in"));
            assertThat(now.get("totalOut")).isEqualTo((int) before.get("totalOut") + (int) now.get("out"));
        }
        assertThat((int) counts.get(counts.size() - 1).get("totalIn"))
                .isGreaterThan((int) counts.get(0).get("totalIn"));
    }

    @Test
    void the_same_seed_gives_the_same_values_and_another_seed_other_ones() {
        assertThat(aDayOfValues(7)).isEqualTo(aDayOfValues(7)).isNotEqualTo(aDayOfValues(8));
    }

    private List<Sent> aDayOfValues(long seed) {
        clock.set(NOW);
        var sent = recording();
        var data = new PeriodicDeviceData(everyProduct(300), mqtt, properties(1.0, seed), clock);
        for (int report = 0; report < 24 * 12; report++) {
            clock.advance(Duration.ofSeconds(300));
            data.tick();
        }
        return List.copyOf(sent);
    }

    /** One message as published. */
    record Sent(String topic, int tsmId, String tuid, Map<String, Object> fields) {}

    /** Every message published from now on, in order, without Mockito keeping each invocation. */
    private List<Sent> recording() {
        var sent = new ArrayList<Sent>();
        mqtt = mock(SimulatorMqtt.class, withSettings().stubOnly());
        doAnswer(invocation -> {
                    Map<String, Object> message = invocation.getArgument(2);
                    sent.add(new Sent(
                            invocation.getArgument(1),
                            (int) message.get("tsmId"),
                            (String) message.get("tsmTuid"),
                            message));
                    return null;
                })
                .when(mqtt)
                .publish(anyString(), anyString(), any());
        return sent;
    }

    /** Checks on one field of the messages of one id. */
    private record ValueRanges(List<Sent> sent) {

        List<Object> values(int tsmId, String field) {
            var values = sent.stream()
                    .filter(message -> message.tsmId() == tsmId)
                    .map(message -> message.fields().get(field))
                    .toList();
            assertThat(values).as("%d %s", tsmId, field).isNotEmpty().doesNotContainNull();
            return values;
        }

        void whole(int tsmId, String field, int min, int max) {
            assertThat(values(tsmId, field))
                    .as("%d %s", tsmId, field)
                    .allSatisfy(value -> assertThat(value).isInstanceOf(Integer.class))
                    .allSatisfy(value -> assertThat((int) value).isBetween(min, max));
        }

        void decimal(int tsmId, String field, double min, double max) {
            assertThat(values(tsmId, field))
                    .as("%d %s", tsmId, field)
                    .allSatisfy(value -> assertThat(value).isInstanceOf(Double.class))
                    .allSatisfy(value -> assertThat((double) value).isBetween(min, max));
        }

        void spread(int tsmId, String field, double atLeast) {
            var numbers = values(tsmId, field).stream()
                    .mapToDouble(value -> ((Number) value).doubleValue())
                    .summaryStatistics();
            assertThat(numbers.getMax() - numbers.getMin())
                    .as("%d %s", tsmId, field)
                    .isGreaterThanOrEqualTo(atLeast);
        }
    }

    /** A stack with a device of every product, each reporting every {@code reportInterval} seconds. */
    private static SimulatorStore everyProduct(int reportInterval) {
        return new InMemorySimulatorStore(Set.of("acme"), stack -> {
            var state = new StackState();
            state.putGroup(new SimulatedGroup(GROUP, "Lobby"));
            for (ProductType type : ProductType.values()) {
                String tuid = type.imcs().get(0) + "ABC" + String.format("%08d", type.ordinal());
                state.putDevice(new SimulatedDevice(tuid, type, 100, NOW, 65.0, 25.4, GATEWAY, type.firmware(), GROUP));
                state.putConfiguration(tuid, 1500, Map.of("measurementInterval", 60, "reportInterval", reportInterval));
            }
            return state;
        });
    }

    private PeriodicDeviceData periodicData(double scale) {
        return periodicData(scale, 1);
    }

    private PeriodicDeviceData periodicData(double scale, long seed) {
        return new PeriodicDeviceData(store, mqtt, properties(scale, seed), clock);
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

    private static SimulatorProperties properties(double scale, long seed) {
        return new SimulatorProperties(
                true,
                "/simulator/thingsee/v1",
                Duration.ofMinutes(15),
                50,
                seed,
                40,
                Map.of(),
                null,
                Duration.ofSeconds(2),
                null,
                true,
                scale);
    }
}
