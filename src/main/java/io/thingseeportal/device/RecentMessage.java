package io.thingseeportal.device;

import java.time.Instant;

/**
 * One message of a device's history, without its payload ({@link DeviceDetailsService#payload} gives it).
 *
 * @param time the message's own time (tsmTs); with the TUID and tsmId it names the message
 */
public record RecentMessage(int tsmId, int tsmEv, Instant time, Instant receivedAt) {}
