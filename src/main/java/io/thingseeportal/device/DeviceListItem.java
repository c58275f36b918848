package io.thingseeportal.device;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One device as the device list shows it: what Thingsee last told the portal of it.
 *
 * @param productType the product's name as recorded ("Thingsee PRESENCE"), if known
 * @param group the deployment group's full id; null when the device is in no group (Thingsee's unassigned)
 * @param installationStatus the wire value of its installation status ({@code new}, {@code installed}, ...)
 * @param lastSeen when it last sent anything, if ever
 * @param staleAt when it counts as stale if it stays silent (three report intervals after it was last seen)
 * @param batteryLevel its battery in per cent, if known
 * @param configDrift whether it reports a configuration other than the one asked of it
 */
public record DeviceListItem(
        String tuid,
        @Nullable String productType,
        @Nullable String group,
        @Nullable String assetName,
        String installationStatus,
        @Nullable Instant lastSeen,
        @Nullable Instant staleAt,
        @Nullable Integer batteryLevel,
        @Nullable String firmware,
        boolean configDrift) {

    /** The product, told by the TUID's IMC; empty for a TUID of an IMC Haltian's lists do not name. */
    public Optional<ProductType> product() {
        return ProductType.ofTuid(tuid);
    }

    /** Whether the device was heard from and has been silent past its {@link #staleAt()}. */
    public boolean isStale(Instant now) {
        return staleAt != null && staleAt.isBefore(now);
    }
}
