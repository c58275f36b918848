package io.thingseeportal.group;

import java.util.List;

/**
 * The outcome of a change of many devices (move, remove, delete the group): which devices were changed and which
 * failed and why. One device's failure never stops the others.
 *
 * @param succeeded the TUIDs changed, in Thingsee and in the portal
 * @param failures the devices not changed, in the order they were tried
 * @param groupDeleted for deleting a group: whether the group itself was deleted (only after every device was moved)
 */
public record DeviceBatchReport(int total, List<String> succeeded, List<DeviceFailure> failures, boolean groupDeleted) {

    public DeviceBatchReport {
        succeeded = List.copyOf(succeeded);
        failures = List.copyOf(failures);
    }

    /** The TUIDs that failed: what "retry failed" tries again. */
    public List<String> failedTuids() {
        return failures.stream().map(DeviceFailure::tuid).toList();
    }

    DeviceBatchReport withGroupDeleted() {
        return new DeviceBatchReport(total, succeeded, failures, true);
    }
}
