package io.thingseeportal.group;

import io.thingseeportal.bulk.BulkHandler;
import io.thingseeportal.bulk.BulkItemContext;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkJobState;
import io.thingseeportal.bulk.BulkJobView;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.CallSlot;
import io.thingseeportal.bulk.ItemOutcome;
import io.thingseeportal.device.DeviceService;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeStack;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.time.Clock;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a group as Haltian's tools do: each device (an item) is set {@code uninstalled} and moved to
 * {@code unassigned}, in Thingsee and then in the portal; when the job finishes with every device done, the group is
 * deleted in Thingsee and then in the portal, and its history says so. Every step may run twice without harm.
 */
@Service
class GroupDeleteHandler implements BulkHandler {

    private final ThingseeClient thingsee;
    private final ThingseeStacks stacks;
    private final DeviceService devices;
    private final BulkJobs jobs;
    private final GroupStore groups;
    private final GroupChangeLog changeLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CurrentUser currentUser;

    GroupDeleteHandler(
            ThingseeClient thingsee,
            ThingseeStacks stacks,
            DeviceService devices,
            BulkJobs jobs,
            GroupStore groups,
            GroupChangeLog changeLog,
            TransactionTemplate transaction,
            Clock clock,
            CurrentUser currentUser) {
        this.thingsee = thingsee;
        this.stacks = stacks;
        this.devices = devices;
        this.jobs = jobs;
        this.groups = groups;
        this.changeLog = changeLog;
        this.transaction = transaction;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    @Override
    public String kind() {
        return GroupDeviceJobs.DELETE;
    }

    /** A device Thingsee does not know is in none of its groups: only the portal has something to record. */
    @Override
    public ItemOutcome run(BulkItemContext item, CallSlot slot) {
        ThingseeStack stack = stacks.require(Objects.requireNonNull(item.user().tenantSlug()));
        String tuid = item.key();
        try {
            slot.run(() -> thingsee.setInstallationStatus(stack, tuid, InstallationStatus.UNINSTALLED));
            slot.run(() -> thingsee.setDeviceGroup(stack, tuid, GroupAssignment.UNASSIGNED));
        } catch (ThingseeException.NotFound unknown) {
            // Recorded in the portal below, so that the group can go.
        }
        devices.recordInstallationStatus(tuid, InstallationStatus.UNINSTALLED);
        devices.assignGroup(tuid, null);
        return ItemOutcome.succeeded();
    }

    @Override
    public void finished(BulkJobView job) {
        var items = jobs.progress(job.id());
        int total = items.total();
        if (job.state() != BulkJobState.DONE || items.count(BulkItemState.SUCCEEDED) != total) {
            return;
        }
        GroupId id = GroupId.parse(job.subject());
        if (groups.find(job.tenantId(), id).isEmpty()) {
            return;
        }
        try {
            String slug = Objects.requireNonNull(currentUser.require().tenantSlug(), "tenant users have a slug");
            thingsee.deleteGroup(stacks.require(slug), id.value());
        } catch (ThingseeException.NotFound gone) {
            // Deleted in Thingsee already (by another tool, or by an earlier try): the portal follows.
        }
        transaction.executeWithoutResult(status -> {
            groups.delete(job.tenantId(), id);
            changeLog.add(
                    job.tenantId(),
                    new GroupChange(
                            id.value(),
                            clock.instant(),
                            job.createdBy(),
                            GroupChange.Kind.DELETED,
                            String.valueOf(total)));
        });
    }
}
