package io.thingseeportal.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything one simulated stack holds: groups, devices and their histories. Not thread-safe on its own: it is only
 * touched inside {@link SimulatorStore#read} and {@link SimulatorStore#write}, which guard it. Histories are kept
 * oldest first and handed out newest first.
 */
final class StackState {

    private final Map<String, SimulatedGroup> groups = new TreeMap<>();
    private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
    private final Map<String, List<InstallationRecord>> installations = new LinkedHashMap<>();
    private final Map<String, List<CommandRecord>> commands = new LinkedHashMap<>();
    private final Map<String, List<DeviceMessage>> messages = new LinkedHashMap<>();
    private final List<AlertRecord> alerts = new ArrayList<>();
    private final Map<String, Map<Integer, Map<String, Object>>> configurations = new LinkedHashMap<>();
    private final Map<String, Double> batteryWear = new LinkedHashMap<>();

    List<SimulatedGroup> groups() {
        return List.copyOf(groups.values());
    }

    Optional<SimulatedGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    void putGroup(SimulatedGroup group) {
        groups.put(group.id(), group);
    }

    void removeGroup(String id) {
        groups.remove(id);
    }

    List<SimulatedDevice> devices() {
        return List.copyOf(devices.values());
    }

    Optional<SimulatedDevice> device(String tuid) {
        return Optional.ofNullable(devices.get(tuid));
    }

    void putDevice(SimulatedDevice device) {
        devices.put(device.tuid(), device);
    }

    List<InstallationRecord> installations(String tuid) {
        return newestFirst(installations.get(tuid), Comparator.comparing(InstallationRecord::at));
    }

    void addInstallation(InstallationRecord record) {
        installations.computeIfAbsent(record.tuid(), tuid -> new ArrayList<>()).add(record);
    }

    List<CommandRecord> commands(String tuid) {
        return newestFirst(commands.get(tuid), Comparator.comparing(CommandRecord::at));
    }

    void addCommand(CommandRecord record) {
        commands.computeIfAbsent(record.tuid(), tuid -> new ArrayList<>()).add(record);
    }

    List<DeviceMessage> messages(String tuid) {
        return newestFirst(messages.get(tuid), Comparator.comparing(DeviceMessage::tsmTs));
    }

    void addMessage(DeviceMessage message) {
        messages.computeIfAbsent(message.tsmTuid(), tuid -> new ArrayList<>()).add(message);
    }

    /** The device's current configuration of one message, the defaults until a command changed it. */
    Map<String, Object> configuration(String tuid, int tsmId) {
        return configurations.getOrDefault(tuid, Map.of()).getOrDefault(tsmId, DeviceConfigurations.initial(tsmId));
    }

    void putConfiguration(String tuid, int tsmId, Map<String, Object> values) {
        configurations.computeIfAbsent(tuid, device -> new LinkedHashMap<>()).put(tsmId, Map.copyOf(values));
    }

    /** Keeps only the newest {@code keep} messages of the device, as a device's history in the cloud is bounded. */
    void trimMessages(String tuid, int keep) {
        var history = messages.get(tuid);
        if (history != null && history.size() > keep) {
            history.subList(0, history.size() - keep).clear();
        }
    }

    /** Battery spent since the level last dropped a whole percentage point, in percentage points. */
    double batteryWear(String tuid) {
        return batteryWear.getOrDefault(tuid, 0.0);
    }

    void putBatteryWear(String tuid, double wear) {
        batteryWear.put(tuid, wear);
    }

    List<AlertRecord> alerts() {
        return List.copyOf(alerts);
    }

    void addAlert(AlertRecord alert) {
        alerts.add(alert);
    }

    /** Everything this stack holds, as plain values (histories oldest first), for saving it. */
    StackSnapshot snapshot() {
        return new StackSnapshot(
                StackSnapshot.FORMAT,
                List.copyOf(groups.values()),
                List.copyOf(devices.values()),
                flatten(installations),
                flatten(commands),
                flatten(messages),
                List.copyOf(alerts),
                configurations,
                batteryWear);
    }

    /** The stack a {@link #snapshot()} was taken of. */
    static StackState restore(StackSnapshot snapshot) {
        var state = new StackState();
        snapshot.groups().forEach(state::putGroup);
        snapshot.devices().forEach(state::putDevice);
        snapshot.installations().forEach(state::addInstallation);
        snapshot.commands().forEach(state::addCommand);
        snapshot.messages().forEach(state::addMessage);
        snapshot.alerts().forEach(state::addAlert);
        snapshot.configurations()
                .forEach((tuid, byMessage) ->
                        byMessage.forEach((tsmId, values) -> state.putConfiguration(tuid, tsmId, values)));
        state.batteryWear.putAll(snapshot.batteryWear());
        return state;
    }

    private static <T> List<T> flatten(Map<String, List<T>> byDevice) {
        return byDevice.values().stream().flatMap(List::stream).toList();
    }

    /** Stable: records of the same instant keep their order of arrival, the later one first. */
    private static <T> List<T> newestFirst(@Nullable List<T> records, Comparator<T> byTime) {
        if (records == null) {
            return List.of();
        }
        var copy = new ArrayList<>(records);
        Collections.reverse(copy);
        copy.sort(byTime.reversed());
        return List.copyOf(copy);
    }
}
