package io.thingseeportal.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One device of a deployment group, as the group page lists it: what Thingsee last told the portal of it.
 *
 * @param installationStatus the wire value of its installation status ({@code new}, {@code installed}, ...)
 * @param lastSeen when it last sent anything, if known
 * @param batteryLevel its battery in per cent, if known
 */
public record GroupDevice(
        String tuid,
        @Nullable String productType,
        @Nullable String assetName,
        String installationStatus,
        @Nullable Instant lastSeen,
        @Nullable Integer batteryLevel) {}
