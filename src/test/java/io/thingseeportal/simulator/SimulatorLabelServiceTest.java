package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatorLabelServiceTest {

    private static final SimulatedDevice DEVICE = new SimulatedDevice(
            "TSPR04EZU31901021",
            ProductType.PRESENCE,
            80,
            Instant.parse("2025-06-02T08:00:00Z"),
            65.0,
            25.4,
            "TSGW06EWK31903495",
            ProductType.PRESENCE.firmware(),
            SimulatedDevice.UNASSIGNED);

    @Test
    void the_legacy_label_is_serial_then_product_code() {
        assertThat(SimulatorLabelService.label(DEVICE, false).legacyQr()).isEqualTo("EZU31901021,TSPR04");
    }

    @Test
    void the_newer_label_carries_product_code_node_id_and_serial() {
        String nodeId = String.valueOf(SimulatorLabelService.nodeId(DEVICE.tuid()));
        assertThat(SimulatorLabelService.label(DEVICE, true).haltianQr())
                .isEqualTo("I#TSPR04,W#" + nodeId + ",S#EZU31901021");
    }

    @Test
    void a_label_without_the_newer_code_has_none() {
        assertThat(SimulatorLabelService.label(DEVICE, false).haltianQr()).isNull();
    }

    @Test
    void the_label_names_the_product() {
        assertThat(SimulatorLabelService.label(DEVICE, false).productName()).isEqualTo("Thingsee PRESENCE");
    }
}
