package io.thingseeportal.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated stack's whole state as plain values: what is saved to and loaded from its snapshot file. Histories are
 * flat lists, oldest first, in the order they were recorded.
 *
 * @param format the layout of this record, raised when it changes incompatibly
 * @param configurations each device's configuration by message id
 * @param batteryWear battery spent by each device since its level last dropped a whole point
 */
record StackSnapshot(
        int format,
        List<SimulatedGroup> groups,
        List<SimulatedDevice> devices,
        List<InstallationRecord> installations,
        List<CommandRecord> commands,
        List<DeviceMessage> messages,
        List<AlertRecord> alerts,
        Map<String, Map<Integer, Map<String, Object>>> configurations,
        Map<String, Double> batteryWear) {

    static final int FORMAT = 1;

    StackSnapshot {
        groups = List.copyOf(groups);
        devices = List.copyOf(devices);
        installations = List.copyOf(installations);
        commands = List.copyOf(commands);
        messages = List.copyOf(messages);
        alerts = List.copyOf(alerts);
        configurations = copy(configurations);
        batteryWear = Map.copyOf(batteryWear);
    }

    private static Map<String, Map<Integer, Map<String, Object>>> copy(
            Map<String, Map<Integer, Map<String, Object>>> configurations) {
        var copy = new LinkedHashMap<String, Map<Integer, Map<String, Object>>>();
        configurations.forEach((tuid, byMessage) -> {
            var messages = new LinkedHashMap<Integer, Map<String, Object>>();
            byMessage.forEach((tsmId, values) -> messages.put(tsmId, Map.copyOf(values)));
            copy.put(tuid, Collections.unmodifiableMap(messages));
        });
        return Collections.unmodifiableMap(copy);
    }
}
