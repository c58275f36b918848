package io.thingseeportal.device;

import java.time.Instant;

/**
 * One message of a device's history, without its payload ({@link DeviceDetailsService#payload} gives it).
 *
 * @param time the message's own time (tsmTs); with the TUID and tsmId it names the message
 */
public record RecentMessage(int tsmId, int tsmEv, Instant time, Instant receivedAt) {

    /** A configuration echo ({@code tsmEv} 31) or an answer to an information request (33): what the device reports of its configuration. */
    public boolean reportsConfiguration() {
        return tsmEv == 31 || tsmEv == 33;
    }
}
