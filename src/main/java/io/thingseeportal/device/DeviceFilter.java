package io.thingseeportal.device;

import io.thingseeportal.thingsee.InstallationStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Which of the tenant's devices the device list shows; every criterion that is set must hold, an unset one (null, or
 * a blank search) lets every device through.
 *
 * @param group the deployment group's full id, or {@link #NO_GROUP} for the devices in no group
 * @param product the product, as told by the TUID's IMC
 * @param status the installation status
 * @param batteryAtMost only devices whose battery is known and at or below this percentage (0–100): the same "at or
 *     below" as the low-battery count, so that the two agree
 * @param notSeenFor only devices not seen for at least this long: last seen before now minus this, or never seen
 * @param tuid a case-insensitive part of the TUID; blank for any
 */
public record DeviceFilter(
        @Nullable String group,
        @Nullable ProductType product,
        @Nullable InstallationStatus status,
        @Nullable Integer batteryAtMost,
        @Nullable Duration notSeenFor,
        String tuid) {

    /** Thingsee's name of "in no group", which the portal keeps as a device without a group. */
    public static final String NO_GROUP = "unassigned";

    /** Every device. */
    public static final DeviceFilter ALL = new DeviceFilter(null, null, null, null, null, "");

    public DeviceFilter {
        if (batteryAtMost != null && (batteryAtMost < 0 || batteryAtMost > 100)) {
            throw new IllegalArgumentException("batteryAtMost must be between 0 and 100");
        }
        if (notSeenFor != null && (notSeenFor.isNegative() || notSeenFor.isZero())) {
            throw new IllegalArgumentException("notSeenFor must be positive");
        }
        tuid = tuid.strip();
    }

    /** Whether no criterion is set. */
    public boolean isAll() {
        return equals(ALL);
    }

    public DeviceFilter withGroup(@Nullable String group) {
        return new DeviceFilter(group, product, status, batteryAtMost, notSeenFor, tuid);
    }

    public DeviceFilter withProduct(@Nullable ProductType product) {
        return new DeviceFilter(group, product, status, batteryAtMost, notSeenFor, tuid);
    }

    public DeviceFilter withStatus(@Nullable InstallationStatus status) {
        return new DeviceFilter(group, product, status, batteryAtMost, notSeenFor, tuid);
    }

    public DeviceFilter withBatteryAtMost(@Nullable Integer batteryAtMost) {
        return new DeviceFilter(group, product, status, batteryAtMost, notSeenFor, tuid);
    }

    public DeviceFilter withNotSeenFor(@Nullable Duration notSeenFor) {
        return new DeviceFilter(group, product, status, batteryAtMost, notSeenFor, tuid);
    }

    public DeviceFilter withTuid(String tuid) {
        return new DeviceFilter(group, product, status, batteryAtMost, notSeenFor, tuid);
    }
}
