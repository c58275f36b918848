package io.thingseeportal.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the portal knows of one device now, for its page.
 *
 * @param product the product's name, from the device row or else from the TUID's IMC
 * @param groupId the deployment group; null is Thingsee's {@code unassigned}
 * @param installationStatus Thingsee's status on the wire ({@code new}, {@code installed}, ...)
 * @param lastSeen the time of the newest message, as the device stamped it
 * @param lastArrival when the newest message arrived
 * @param batteryCharging 0 not connected, 1 charging, 2 connected and not charging (message 1110 {@code chrg})
 * @param reportIntervalSeconds the device's reported {@code reportInterval}
 * @param stale whether the device has been silent for longer than three report intervals
 * @param configDrift whether the device reports a configuration other than the one asked of it
 */
public record DeviceDetails(
        String tuid,
        @Nullable String product,
        @Nullable String groupId,
        @Nullable String assetName,
        String installationStatus,
        @Nullable Instant lastSeen,
        @Nullable Instant lastArrival,
        @Nullable String gatewayTuid,
        @Nullable Integer batteryLevel,
        @Nullable Integer batteryCharging,
        @Nullable String firmware,
        @Nullable Integer reportIntervalSeconds,
        boolean stale,
        boolean configDrift) {}
