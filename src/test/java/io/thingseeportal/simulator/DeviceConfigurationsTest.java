package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Simulated devices apply configuration commands with the catalog's ranges, defaults and supported values. */
class DeviceConfigurationsTest {

    @Test
    void requested_values_replace_the_current_ones_and_omitted_fields_keep_theirs() {
        var current = DeviceConfigurations.initial(13200);

        var applied = DeviceConfigurations.apply(
                13200, current, Map.of("tsmId", 13200, "tsmEv", 30, "transactionId", 7, "mode", 1));

        assertThat(applied)
                .containsEntry("mode", 1)
                .containsEntry("threshold", 150)
                .containsEntry("enableLed", 0)
                .containsEntry("passiveReportInterval", 3600)
                .doesNotContainKeys("tsmId", "tsmEv", "transactionId");
    }

    @Test
    void out_of_range_values_are_clamped_to_the_reference_ranges() {
        var applied = DeviceConfigurations.apply(
                1500, DeviceConfigurations.initial(1500), Map.of("measurementInterval", 0, "reportInterval", 99999));

        assertThat(applied).containsEntry("measurementInterval", 1).containsEntry("reportInterval", 3600);
    }

    @Test
    void the_motion_threshold_is_clamped_to_the_catalogs_range() {
        var low = DeviceConfigurations.apply(13200, DeviceConfigurations.initial(13200), Map.of("threshold", 10));
        var high = DeviceConfigurations.apply(13200, DeviceConfigurations.initial(13200), Map.of("threshold", 5000));

        assertThat(low).containsEntry("threshold", 60);
        assertThat(high).containsEntry("threshold", 1100);
    }

    @Test
    void carbon_dioxide_settings_are_clamped_to_the_catalogs_ranges() {
        var applied = DeviceConfigurations.apply(
                24200,
                DeviceConfigurations.initial(24200),
                Map.of("averaging", 0, "samples", 64, "calibrationValue", 70000L, "rounding", 10));

        assertThat(applied)
                .containsEntry("averaging", 1)
                .containsEntry("samples", 32)
                .containsEntry("calibrationValue", 65535L)
                .containsEntry("rounding", 10)
                .containsEntry("autoCalibration", 192);
    }

    @Test
    void a_value_a_field_does_not_support_becomes_its_default() {
        var budget = DeviceConfigurations.apply(
                17220, DeviceConfigurations.initial(17220), Map.of("rangingTimingBudget", 40));
        var accelerometer =
                DeviceConfigurations.apply(12200, DeviceConfigurations.initial(12200), Map.of("accelerometerMode", 7));

        assertThat(budget).containsEntry("rangingTimingBudget", 50);
        assertThat(accelerometer).containsEntry("accelerometerMode", 0);
    }

    @Test
    void a_supported_value_is_taken_as_sent() {
        var applied = DeviceConfigurations.apply(
                17220, DeviceConfigurations.initial(17220), Map.of("rangingTimingBudget", 200, "mode", 1));

        assertThat(applied).containsEntry("rangingTimingBudget", 200).containsEntry("mode", 1);
    }

    @Test
    void each_corner_of_a_region_of_interest_is_clamped_to_the_grid_and_a_wrong_list_becomes_the_default() {
        var clamped = DeviceConfigurations.apply(
                17220, DeviceConfigurations.initial(17220), Map.of("rangingROI", List.of(-2, 4, 11, 20)));
        var tooShort = DeviceConfigurations.apply(
                17220, DeviceConfigurations.initial(17220), Map.of("rangingROI", List.of(1, 2)));

        assertThat(clamped).containsEntry("rangingROI", List.of(0, 4, 11, 15));
        assertThat(tooShort).containsEntry("rangingROI", List.of(4, 4, 11, 11));
    }

    @Test
    void a_devices_first_configuration_of_every_message_is_the_catalogs_defaults() {
        assertThat(DeviceConfigurations.initial(17220))
                .containsEntry("rangingMode", 1)
                .containsEntry("rangingTimingBudget", 50)
                .containsEntry("rangingROI", List.of(4, 4, 11, 11))
                .containsEntry("peopleCountingOrientation", 0)
                .containsEntry("peopleCountingDistanceThreshold", 1280);
        assertThat(DeviceConfigurations.initial(12210)).containsEntry("temperatureHysteresis", 0.5);
        assertThat(DeviceConfigurations.initial(1500))
                .isEqualTo(Map.of("measurementInterval", 60, "reportInterval", 300));
    }

    @Test
    void a_field_the_catalog_does_not_know_keeps_what_was_sent() {
        var applied = DeviceConfigurations.apply(
                17220, DeviceConfigurations.initial(17220), Map.of("tsmId", 17220, "firmwareFlag", 99));

        assertThat(applied).containsEntry("firmwareFlag", 99).doesNotContainKey("tsmId");
    }

    @Test
    void an_unclamped_device_keeps_an_unsupported_value() {
        var applied = DeviceConfigurations.apply(
                17220, DeviceConfigurations.initial(17220), Map.of("rangingTimingBudget", 40), false);

        assertThat(applied).containsEntry("rangingTimingBudget", 40);
    }

    @Test
    void devices_publish_on_their_groups_topic_and_unassigned_ones_under_un_xx() {
        assertThat(SimulatorMqtt.topic("prfi00office", "TSPR04EZU31901021", 1500))
                .isEqualTo("cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1500");
        assertThat(SimulatorMqtt.topic("unassigned", "TSPR04EZU31901021", 13200))
                .isEqualTo("cloudext/json/un/xx/unassigned/TSPR04EZU31901021/13200");
    }
}
