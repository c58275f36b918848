package io.thingseeportal.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An alert period of a device, for example "battery low" or "gateway connection lost".
 *
 * @param to when it ended; {@code null} while it is still on, which makes the device an alerting one
 */
record AlertRecord(
        String tuid, String type, Instant from, @Nullable Instant to) {

    boolean isOpen() {
        return to == null;
    }

    boolean overlaps(Instant start, Instant end) {
        return !from.isAfter(end) && (to == null || !to.isBefore(start));
    }
}
