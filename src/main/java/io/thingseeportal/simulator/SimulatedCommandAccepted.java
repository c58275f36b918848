package io.thingseeportal.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The simulated cloud queued command messages for a device: what a device (and the MQTT echo) acts on.
 *
 * @param stack the simulated stack of the device
 * @param tuid the device
 * @param commands the messages as accepted, with {@code tsmTs} and {@code tsmDstTuid} filled in; unmodifiable
 * @param acceptedAt when the cloud accepted them
 */
public record SimulatedCommandAccepted(
        String stack, String tuid, List<Map<String, Object>> commands, Instant acceptedAt) {}
