package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The daily cycles of the simulated values, on a device at longitude 0 so that its solar time is UTC. */
class DeviceReadingsTest {

    /** A Wednesday. */
    private static final Instant MIDNIGHT = Instant.parse("2025-06-04T00:00:00Z");

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final DeviceReadings readings = new DeviceReadings(20240501);

    @Test
    void light_follows_day_and_night() {
        var device = device(ProductType.ENVIRONMENT);

        assertThat((int) field(device, 0, 12100, "lght")).isLessThan(10);
        assertThat((int) field(device, 12, 12100, "lght")).isGreaterThan(100);
    }

    @Test
    void carbon_dioxide_and_tvoc_rise_through_the_working_day_and_fall_by_the_morning() {
        var device = device(ProductType.AIR);

        assertThat((int) field(device, 16, 24100, "carbonDioxide"))
                .isGreaterThan((int) field(device, 6, 24100, "carbonDioxide") + 150);
        assertThat((int) field(device, 16, 24101, "tvoc")).isGreaterThan((int) field(device, 6, 24101, "tvoc"));
    }

    @Test
    void presence_counts_movement_in_office_hours_and_little_at_night() {
        var device = device(ProductType.PRESENCE);

        assertThat((int) field(device, 3, 13100, "moveCount")).isLessThanOrEqualTo(1);
        assertThat((int) field(device, 10, 13100, "moveCount")).isGreaterThan(5);
    }

    @Test
    void weekends_are_quieter_than_weekdays() {
        var device = device(ProductType.PRESENCE);
        Instant saturday = MIDNIGHT.plus(Duration.ofDays(3)).plus(Duration.ofHours(10));

        int weekend = (int)
                readings.report(device, saturday, FIVE_MINUTES, null).get(13100).get("moveCount");
        assertThat(weekend).isLessThan((int) field(device, 10, 13100, "moveCount"));
    }

    @Test
    void another_device_has_values_of_its_own() {
        var one = device(ProductType.ENVIRONMENT);
        var other = new SimulatedDevice(
                "TSPD01XYZ00000001", ProductType.ENVIRONMENT, 100, MIDNIGHT, 60, 0, "g", "v", "unassigned");

        assertThat(field(one, 12, 12100, "temp")).isNotEqualTo(field(other, 12, 12100, "temp"));
    }

    private Object field(SimulatedDevice device, int hour, int tsmId, String name) {
        Map<Integer, Map<String, Object>> report =
                readings.report(device, MIDNIGHT.plus(Duration.ofHours(hour)), FIVE_MINUTES, null);
        return report.get(tsmId).get(name);
    }

    private static SimulatedDevice device(ProductType type) {
        return new SimulatedDevice(
                type.imcs().get(0) + "ABC12345678", type, 100, MIDNIGHT, 60, 0, "g", type.firmware(), "unassigned");
    }
}
