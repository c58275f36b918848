package io.thingseeportal.thingsee;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What Thingsee reports of a device ({@code GET /things/{tuid}}).
 *
 * @param lastSeen when the device last sent anything
 * @param firmware the firmware version string
 */
public record DeviceInfo(
        String tuid,
        @Nullable Integer batteryLevel,
        @Nullable Instant lastSeen,
        @Nullable Location location,
        @Nullable String gatewayTuid,
        @Nullable String firmware) {

    public record Location(double lat, double lon) {}
}
