package io.thingseeportal.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.bulk.BulkItemRequest;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkItemView;
import io.thingseeportal.bulk.BulkJobView;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.ItemOutcome;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The changes of a group that go device by device, as jobs of the bulk-work engine: moving devices to another group or
 * out of any ({@link GroupReassignHandler}), and deleting the group once each of its devices is uninstalled and
 * unassigned ({@link GroupDeleteHandler}). {@link GroupService} checks who may ask and for which group before it
 * calls this; the handlers record the outcome in the group's history when a job finishes.
 */
@Service
class GroupDeviceJobs {

    static final String REASSIGN = "group.reassign";
    static final String DELETE = "group.delete";
    /** An item's outcome when the device is not in the group (or not the tenant's): nothing was sent to Thingsee. */
    static final String NOT_IN_GROUP = "NOT_IN_GROUP";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Group changes never stop by themselves: each device's outcome is reported, as it always was. */
    private static final int NEVER_ABORT = 100;

    private final BulkJobs jobs;
    private final GroupStore groups;

    GroupDeviceJobs(BulkJobs jobs, GroupStore groups) {
        this.jobs = jobs;
        this.groups = groups;
    }

    /** The parameters of a move: from which group to which, {@code to} null for Thingsee's {@code unassigned}. */
    record Reassign(String from, @Nullable String to) {}

    /** Submits a move of devices of a group to another group, or with {@code to} null to {@code unassigned}. */
    long reassign(GroupId from, Collection<String> tuids, @Nullable GroupId to) {
        var params = new Reassign(from.value(), to == null ? null : to.value());
        return jobs.submit(REASSIGN, from.value(), json(params), items(tuids), NEVER_ABORT);
    }

    /** Submits the deletion of the group: first each of these devices, then the group if every device went. */
    long delete(GroupId id, Collection<String> tuids) {
        return jobs.submit(DELETE, id.value(), "{}", items(tuids), NEVER_ABORT);
    }

    /** The report of a finished group job, or empty while it runs. */
    Optional<DeviceBatchReport> report(long tenantId, long jobId) {
        if (!jobs.progress(jobId).complete()) {
            return Optional.empty();
        }
        BulkJobView job = jobs.job(jobId);
        if (!job.kind().equals(REASSIGN) && !job.kind().equals(DELETE)) {
            throw new IllegalArgumentException("Job " + jobId + " is not a change of a group");
        }
        List<BulkItemView> items = jobs.items(jobId, Set.of());
        List<String> succeeded = items.stream()
                .filter(item -> item.state() == BulkItemState.SUCCEEDED)
                .map(BulkItemView::key)
                .toList();
        List<DeviceFailure> failures = items.stream()
                .filter(item -> item.state() == BulkItemState.FAILED || item.state() == BulkItemState.CANCELED)
                .map(GroupDeviceJobs::failure)
                .toList();
        boolean deleted = job.kind().equals(DELETE)
                && groups.find(tenantId, GroupId.parse(job.subject())).isEmpty();
        return Optional.of(new DeviceBatchReport(items.size(), succeeded, failures, deleted));
    }

    private static DeviceFailure failure(BulkItemView item) {
        if (item.state() == BulkItemState.CANCELED) {
            return new DeviceFailure(item.key(), DeviceFailure.Reason.CANCELED, "");
        }
        if (item.outcome().equals(NOT_IN_GROUP)) {
            return new DeviceFailure(item.key(), DeviceFailure.Reason.NOT_IN_GROUP, "");
        }
        if (item.outcome().equals(ItemOutcome.THINGSEE) || item.outcome().equals(ItemOutcome.DEADLINE)) {
            return new DeviceFailure(item.key(), DeviceFailure.Reason.THINGSEE, item.message());
        }
        return new DeviceFailure(item.key(), DeviceFailure.Reason.PORTAL, "");
    }

    private static List<BulkItemRequest> items(Collection<String> tuids) {
        return new LinkedHashSet<>(tuids).stream().map(BulkItemRequest::run).toList();
    }

    static String json(Object params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T parse(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable parameters of a group job: " + json, e);
        }
    }

    /** "12: prfi00office → prfi00lab": how many devices went from where to where (the group page words it). */
    static String movedDetails(int count, String from, String to) {
        return count + ": " + from + " → " + to;
    }
}
