package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void a_message_without_known_fields_keeps_what_was_sent() {
        var applied = DeviceConfigurations.apply(
                17220, DeviceConfigurations.initial(17220), Map.of("tsmId", 17220, "peopleCountingOrientation", 1));

        assertThat(applied).containsExactlyEntriesOf(Map.of("peopleCountingOrientation", 1));
    }

    @Test
    void devices_publish_on_their_groups_topic_and_unassigned_ones_under_un_xx() {
        assertThat(SimulatorMqtt.topic("prfi00office", "TSPR04EZU31901021", 1500))
                .isEqualTo("cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1500");
        assertThat(SimulatorMqtt.topic("unassigned", "TSPR04EZU31901021", 13200))
                .isEqualTo("cloudext/json/un/xx/unassigned/TSPR04EZU31901021/13200");
    }
}
