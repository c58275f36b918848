package io.thingseeportal.installation;

import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStack;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The Thingsee calls of the installation services, in the signed-in user's tenant's stack. */
@Component
class DeviceChecks {

    /**
     * What Thingsee says of a scanned device.
     *
     * @param groupId its group when it is installed, else null
     */
    record Found(
            DeviceInfo info, boolean installed, @Nullable String groupId) {}

    private final ThingseeClient thingsee;
    private final ThingseeStacks stacks;
    private final CurrentUser currentUser;

    DeviceChecks(ThingseeClient thingsee, ThingseeStacks stacks, CurrentUser currentUser) {
        this.thingsee = thingsee;
        this.stacks = stacks;
        this.currentUser = currentUser;
    }

    /** The device's details ({@code GET /things/{tuid}}), status and, when installed, group. */
    Found check(String tuid) {
        ThingseeStack stack = stack();
        DeviceInfo info = thingsee.getDevice(stack, tuid);
        boolean installed = thingsee.getInstallationStatus(stack, tuid)
                .map(InstallationRecord::status)
                .filter(status -> status == InstallationStatus.INSTALLED)
                .isPresent();
        String groupId = installed ? thingsee.getDeviceGroup(stack, tuid).groupId() : null;
        return new Found(info, installed, groupId);
    }

    /** Whether Thingsee has the device installed now ({@code GET /things/{tuid}/installations?limit=1}). */
    boolean isInstalled(String tuid) {
        return thingsee.getInstallationStatus(stack(), tuid)
                .filter(record -> record.status() == InstallationStatus.INSTALLED)
                .isPresent();
    }

    void setStatus(String tuid, InstallationStatus status) {
        thingsee.setInstallationStatus(stack(), tuid, status);
    }

    void setGroup(String tuid, String groupId) {
        thingsee.setDeviceGroup(stack(), tuid, groupId);
    }

    /** A device in Thingsee's {@code unassigned} group is in no group. */
    static @Nullable String groupOrNull(String groupId) {
        return GroupAssignment.UNASSIGNED.equals(groupId) ? null : groupId;
    }

    private ThingseeStack stack() {
        String slug = Objects.requireNonNull(currentUser.require().tenantSlug(), "tenant users have a slug");
        return stacks.require(slug);
    }
}
