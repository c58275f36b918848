package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetFactoryTest {

    private static final Instant NOW = Instant.parse("2025-06-02T08:00:00Z");
    private final FleetFactory factory = new FleetFactory(42, 40);

    @Test
    void the_fleet_covers_every_product_type() {
        var types = devices("acme").stream().map(SimulatedDevice::type).collect(Collectors.toSet());
        assertThat(types).isEqualTo(EnumSet.allOf(ProductType.class));
    }

    @Test
    void the_fleet_has_the_configured_size() {
        assertThat(devices("acme")).hasSize(40);
    }

    @Test
    void tuids_are_a_production_imc_of_their_type_and_an_eleven_character_serial() {
        assertThat(devices("acme")).allSatisfy(device -> {
            assertThat(device.tuid()).matches("[A-Z0-9]{17}");
            assertThat(device.type().imcs()).contains(device.tuid().substring(0, 6));
        });
    }

    @Test
    void the_same_seed_and_stack_give_the_same_fleet() {
        assertThat(new FleetFactory(42, 40).generate("acme", "fi", NOW).devices())
                .isEqualTo(devices("acme"));
    }

    @Test
    void another_stack_gets_other_devices() {
        var acme = tuids("acme");
        assertThat(tuids("borealis")).doesNotContainAnyElementsOf(acme);
    }

    @Test
    void another_seed_gives_another_fleet() {
        assertThat(new FleetFactory(43, 40).generate("acme", "fi", NOW).devices())
                .extracting(SimulatedDevice::tuid)
                .doesNotContainAnyElementsOf(tuids("acme"));
    }

    @Test
    void a_few_devices_are_installed_in_the_demo_group_and_the_rest_are_new_and_unassigned() {
        var state = factory.generate("acme", "fi", NOW);
        var installed = state.devices().stream()
                .filter(device ->
                        state.installations(device.tuid()).get(0).status().equals("installed"))
                .toList();
        assertThat(installed)
                .hasSize(FleetFactory.INSTALLED_DEVICES)
                .allSatisfy(device -> assertThat(device.groupId()).isEqualTo("dmfi00showroom"));
        assertThat(state.devices())
                .filteredOn(device -> device.groupId().equals("unassigned"))
                .hasSize(40 - FleetFactory.INSTALLED_DEVICES)
                .allSatisfy(device -> assertThat(
                                state.installations(device.tuid()).get(0).status())
                        .isEqualTo("new"));
    }

    @Test
    void every_sensor_reports_through_a_gateway_of_its_fleet() {
        var gateways = devices("acme").stream()
                .filter(device -> device.type().isGateway())
                .map(SimulatedDevice::tuid)
                .toList();
        assertThat(devices("acme")).extracting(SimulatedDevice::gatewayTuid).allMatch(gateways::contains);
    }

    @Test
    void every_device_has_battery_location_and_firmware() {
        assertThat(devices("acme")).allSatisfy(device -> {
            assertThat(device.batteryLevel()).isBetween(1, 100);
            assertThat(device.lat()).isBetween(64.9, 65.1);
            assertThat(device.version()).isNotBlank();
            assertThat(device.lastSeen()).isBeforeOrEqualTo(NOW);
        });
    }

    @Test
    void every_device_has_sent_battery_and_product_data() {
        var state = factory.generate("acme", "fi", NOW);
        assertThat(state.devices())
                .allSatisfy(device -> assertThat(state.messages(device.tuid()))
                        .extracting(DeviceMessage::tsmId)
                        .contains(1110, device.type().dataMessageId()));
    }

    private List<SimulatedDevice> devices(String stack) {
        return factory.generate(stack, "fi", NOW).devices();
    }

    private List<String> tuids(String stack) {
        return devices(stack).stream().map(SimulatedDevice::tuid).toList();
    }
}
