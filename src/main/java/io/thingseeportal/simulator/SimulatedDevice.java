package io.thingseeportal.simulator;

import java.time.Instant;

/**
 * A device of a simulated stack as the cloud knows it.
 *
 * @param lastSeen when its last message arrived ({@code timestamp} in {@code GET things/{tuid}})
 * @param groupId its deployment group, {@code unassigned} when in none; may name a group deleted since (the cloud does
 *     not move devices out of a deleted group)
 */
record SimulatedDevice(
        String tuid,
        ProductType type,
        int batteryLevel,
        Instant lastSeen,
        double lat,
        double lon,
        String gatewayTuid,
        String version,
        String groupId) {

    static final String UNASSIGNED = "unassigned";

    SimulatedDevice withGroup(String newGroupId) {
        return new SimulatedDevice(tuid, type, batteryLevel, lastSeen, lat, lon, gatewayTuid, version, newGroupId);
    }

    /** The device after a report sent at {@code at} with {@code battery} left. */
    SimulatedDevice withReport(int battery, Instant at) {
        return new SimulatedDevice(tuid, type, battery, at, lat, lon, gatewayTuid, version, groupId);
    }
}
