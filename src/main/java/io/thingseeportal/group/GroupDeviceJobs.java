package io.thingseeportal.group;

import io.thingseeportal.device.DeviceService;
import io.thingseeportal.security.BackgroundWork;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeStack;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes of a group that go device by device, in the background: moving devices to another group or out of any,
 * and deleting the group once each of its devices is uninstalled and unassigned. Each device goes to Thingsee first and
 * then to the portal; the group's history records the outcome. {@link GroupService} checks who may ask and for which
 * group before it calls this.
 */
@Service
class GroupDeviceBatches {

    private final GroupStore groups;
    private final ThingseeClient thingsee;
    private final DeviceService devices;
    private final TransactionTemplate transaction;
    private final BackgroundWork work;
    private final Clock clock;

    GroupDeviceBatches(
            GroupStore groups,
            ThingseeClient thingsee,
            DeviceService devices,
            TransactionTemplate transaction,
            BackgroundWork work,
            Clock clock) {
        this.groups = groups;
        this.thingsee = thingsee;
        this.devices = devices;
        this.transaction = transaction;
        this.work = work;
        this.clock = clock;
    }

    /** Moves devices of a group to another group, or with {@code to} null to Thingsee's {@code unassigned}. */
    CompletableFuture<DeviceBatchReport> reassign(
            long tenantId,
            PortalUser user,
            ThingseeStack stack,
            GroupId from,
            Collection<String> tuids,
            @Nullable GroupId to,
            Consumer<DeviceBatchProgress> progress) {
        List<String> batch = List.copyOf(new LinkedHashSet<>(tuids));
        String target = to == null ? GroupAssignment.UNASSIGNED : to.value();
        return work.supply(() -> {
            var report = DeviceBatch.run(
                    batch,
                    devices.inGroup(from.value(), batch),
                    tuid -> {
                        thingsee.setDeviceGroup(stack, tuid, target);
                        devices.assignGroup(tuid, to == null ? null : target);
                    },
                    progress);
            if (!report.succeeded().isEmpty()) {
                String details = movedDetails(report.succeeded().size(), from.value(), target);
                transaction.executeWithoutResult(status -> {
                    if (to == null) {
                        groups.addChange(tenantId, change(from, user, GroupChange.Kind.DEVICES_REMOVED, details));
                    } else {
                        groups.addChange(tenantId, change(from, user, GroupChange.Kind.DEVICES_MOVED, details));
                        groups.addChange(tenantId, change(to, user, GroupChange.Kind.DEVICES_MOVED, details));
                    }
                });
            }
            return report;
        });
    }

    /** Uninstalls and unassigns each of the group's devices, then deletes the group if every device went. */
    CompletableFuture<DeviceBatchReport> delete(
            long tenantId, PortalUser user, ThingseeStack stack, GroupId id, Consumer<DeviceBatchProgress> progress) {
        return work.supply(() -> {
            var tuids = new LinkedHashSet<>(devices.tuidsInGroup(id.value()));
            try {
                tuids.addAll(thingsee.listGroupDevices(stack, id.value()));
            } catch (ThingseeException.NotFound gone) {
                // Thingsee has no such group any more: only the portal's devices are left to move.
            }
            List<String> batch = List.copyOf(tuids);
            var report = DeviceBatch.run(batch, Set.copyOf(batch), tuid -> uninstall(stack, tuid), progress);
            if (!report.failures().isEmpty()) {
                return report;
            }
            try {
                thingsee.deleteGroup(stack, id.value());
            } catch (ThingseeException.NotFound gone) {
                // Deleted in Thingsee already (by another tool, or by an earlier try): the portal follows.
            }
            transaction.executeWithoutResult(status -> {
                groups.delete(tenantId, id);
                groups.addChange(tenantId, change(id, user, GroupChange.Kind.DELETED, String.valueOf(batch.size())));
            });
            return report.withGroupDeleted();
        });
    }

    /** A device Thingsee does not know is in none of its groups: only the portal has something to record. */
    private void uninstall(ThingseeStack stack, String tuid) {
        try {
            thingsee.setInstallationStatus(stack, tuid, InstallationStatus.UNINSTALLED);
            thingsee.setDeviceGroup(stack, tuid, GroupAssignment.UNASSIGNED);
        } catch (ThingseeException.NotFound unknown) {
            // Recorded in the portal below, so that the group can go.
        }
        devices.recordInstallationStatus(tuid, InstallationStatus.UNINSTALLED);
        devices.assignGroup(tuid, null);
    }

    private GroupChange change(GroupId id, PortalUser user, GroupChange.Kind kind, String details) {
        return new GroupChange(id.value(), clock.instant(), user.name(), kind, details);
    }

    /** "12: prfi00office → prfi00lab": how many devices went from where to where (the group page words it). */
    static String movedDetails(int count, String from, String to) {
        return count + ": " + from + " → " + to;
    }
}
