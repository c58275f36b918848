package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentSimulatorStoreTest {

    private static final Instant NOW = Instant.parse("2025-06-02T08:00:00Z");
    private static final FleetFactory FLEET = new FleetFactory(42, 40);

    @TempDir
    Path directory;

    @Test
    void a_restarted_store_has_the_state_of_the_one_before() {
        var before = store();
        String tuid = before.read("acme", state -> state.devices().get(3).tuid());
        before.update("acme", state -> change(state, tuid));
        StackSnapshot saved = before.read("acme", StackState::snapshot);
        before.close();

        var after = store();

        assertThat(after.read("acme", StackState::snapshot)).isEqualTo(saved);
        after.close();
    }

    @Test
    void the_restored_state_keeps_the_changes() {
        var before = store();
        String tuid = before.read("acme", state -> state.devices().get(3).tuid());
        before.update("acme", state -> change(state, tuid));
        before.close();

        var after = store();

        after.read("acme", state -> {
            assertThat(state.group("prfi00moved")).isPresent();
            assertThat(state.device(tuid).orElseThrow().groupId()).isEqualTo("prfi00moved");
            assertThat(state.configuration(tuid, 1500)).containsEntry("reportInterval", 60);
            assertThat(state.messages(tuid).get(0).fields()).containsEntry("transactionId", 2147483647);
            assertThat(state.commands(tuid)).hasSize(1);
            assertThat(state.alerts()).anyMatch(alert -> alert.tuid().equals(tuid));
            assertThat(state.batteryWear(tuid)).isEqualTo(0.25);
            return null;
        });
        after.close();
    }

    @Test
    void a_stack_without_a_snapshot_gets_its_generated_fleet_and_saves_it() {
        var store = store();
        store.close();

        assertThat(Files.exists(directory.resolve("acme.json"))).isTrue();
        assertThat(store().read("acme", StackState::devices))
                .isEqualTo(FLEET.generate("acme", "fi", NOW).devices());
    }

    @Test
    void a_corrupt_snapshot_is_moved_aside_and_the_stack_starts_from_a_fresh_fleet() throws IOException {
        Files.writeString(directory.resolve("acme.json"), "{\"format\":1,\"devices\":[{\"tuid\":");

        var store = store();

        assertThat(store.read("acme", StackState::devices))
                .isEqualTo(FLEET.generate("acme", "fi", NOW).devices());
        assertThat(directory.resolve("acme.json.corrupt")).hasContent("{\"format\":1,\"devices\":[{\"tuid\":");
        store.close();
    }

    @Test
    void a_snapshot_of_another_format_is_not_loaded() throws IOException {
        Files.writeString(directory.resolve("acme.json"), "{\"format\":99}");

        var store = store();

        assertThat(store.read("acme", StackState::devices)).hasSize(40);
        assertThat(directory.resolve("acme.json.corrupt")).exists();
        store.close();
    }

    @Test
    void saving_replaces_the_file_and_leaves_no_temporary_files() throws IOException {
        var store = store();
        store.flush();
        store.update("acme", state -> state.putGroup(new SimulatedGroup("prfi00second", "Second")));
        store.flush();

        try (var files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("acme.json", "borealis.json");
        }
        assertThat(Files.readString(directory.resolve("acme.json"))).contains("prfi00second");
        store.close();
    }

    @Test
    void a_reset_forgets_the_saved_state() {
        var before = store();
        before.update("acme", state -> state.putGroup(new SimulatedGroup("prfi00gone", "Gone")));
        before.reset();
        before.close();

        Optional<SimulatedGroup> gone = store().read("acme", state -> state.group("prfi00gone"));
        assertThat(gone).isEmpty();
    }

    private PersistentSimulatorStore store() {
        return new PersistentSimulatorStore(
                Set.of("acme", "borealis"),
                stack -> FLEET.generate(stack, stack.equals("acme") ? "fi" : "se", NOW),
                new SnapshotFiles(directory));
    }

    private static void change(StackState state, String tuid) {
        state.putGroup(new SimulatedGroup("prfi00moved", "Moved"));
        state.putDevice(state.device(tuid).orElseThrow().withGroup("prfi00moved"));
        state.addInstallation(new InstallationRecord(tuid, "installed", "prfi00moved", NOW.plusSeconds(1)));
        state.addCommand(new CommandRecord(
                tuid,
                NOW.plusSeconds(2),
                "acme-demo-client",
                List.of(Map.of("tsmId", 1500, "tsmEv", 30, "reportInterval", 60))));
        state.putConfiguration(tuid, 1500, Map.of("measurementInterval", 60, "reportInterval", 60));
        state.addMessage(new DeviceMessage(
                1500,
                31,
                NOW.plusSeconds(3),
                tuid,
                tuid,
                "prfi00moved",
                Map.of("reportInterval", 60, "transactionId", 2147483647, "temp", 21.25)));
        state.addAlert(new AlertRecord(tuid, "battery low", NOW.plusSeconds(4), null));
        state.putBatteryWear(tuid, 0.25);
    }
}
