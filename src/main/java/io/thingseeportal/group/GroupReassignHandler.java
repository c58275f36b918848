package io.thingseeportal.group;

import io.thingseeportal.bulk.BulkHandler;
import io.thingseeportal.bulk.BulkItemContext;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkJobView;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.CallSlot;
import io.thingseeportal.bulk.ItemOutcome;
import io.thingseeportal.device.DeviceService;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves one device of a group to another group, or to Thingsee's {@code unassigned}: Thingsee first, then the portal.
 * A device that is not in the group (or not the tenant's) fails without a call. When the job finishes, both groups
 * record how many devices moved.
 *
 * <p>Idempotent: run again after its node stopped, an item whose device already left the group for the target
 * succeeds without another call.
 */
@Service
class GroupReassignHandler implements BulkHandler {

    private final ThingseeClient thingsee;
    private final ThingseeStacks stacks;
    private final DeviceService devices;
    private final BulkJobs jobs;
    private final GroupStore groups;
    private final GroupChangeLog changeLog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GroupReassignHandler(
            ThingseeClient thingsee,
            ThingseeStacks stacks,
            DeviceService devices,
            BulkJobs jobs,
            GroupStore groups,
            GroupChangeLog changeLog,
            TransactionTemplate transaction,
            Clock clock) {
        this.thingsee = thingsee;
        this.stacks = stacks;
        this.devices = devices;
        this.jobs = jobs;
        this.groups = groups;
        this.changeLog = changeLog;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return GroupDeviceJobs.REASSIGN;
    }

    @Override
    public ItemOutcome run(BulkItemContext item, CallSlot slot) {
        var params = GroupDeviceJobs.parse(item.params(), GroupDeviceJobs.Reassign.class);
        String tuid = item.key();
        if (devices.inGroup(params.from(), List.of(tuid)).isEmpty()) {
            boolean movedBefore = item.isRepeat()
                    && (params.to() == null
                            || !devices.inGroup(params.to(), List.of(tuid)).isEmpty());
            return movedBefore ? ItemOutcome.succeeded() : ItemOutcome.failed(GroupDeviceJobs.NOT_IN_GROUP, "");
        }
        String slug = Objects.requireNonNull(item.user().tenantSlug(), "tenant users have a slug");
        String target = params.to() == null ? GroupAssignment.UNASSIGNED : params.to();
        slot.run(() -> thingsee.setDeviceGroup(stacks.require(slug), tuid, target));
        devices.assignGroup(tuid, params.to());
        return ItemOutcome.succeeded();
    }

    @Override
    public void finished(BulkJobView job) {
        int moved = jobs.items(job.id(), Set.of(BulkItemState.SUCCEEDED)).size();
        if (moved == 0) {
            return;
        }
        var params = GroupDeviceJobs.parse(job.params(), GroupDeviceJobs.Reassign.class);
        String target = params.to() == null ? GroupAssignment.UNASSIGNED : params.to();
        String details = GroupDeviceJobs.movedDetails(moved, params.from(), target);
        transaction.executeWithoutResult(status -> {
            if (params.to() == null) {
                changeLog.add(job.tenantId(), change(params.from(), job, GroupChange.Kind.DEVICES_REMOVED, details));
            } else {
                changeLog.add(job.tenantId(), change(params.from(), job, GroupChange.Kind.DEVICES_MOVED, details));
                changeLog.add(job.tenantId(), change(params.to(), job, GroupChange.Kind.DEVICES_MOVED, details));
            }
        });
    }

    private GroupChange change(String groupId, BulkJobView job, GroupChange.Kind kind, String details) {
        return new GroupChange(groupId, clock.instant(), job.createdBy(), kind, details);
    }
}
