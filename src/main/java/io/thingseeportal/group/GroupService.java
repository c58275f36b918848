package io.thingseeportal.group;

import io.thingseeportal.device.DeviceService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.BackgroundWork;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeStack;
import io.thingseeportal.thingsee.ThingseeStacks;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's deployment groups. Changes go to Thingsee first and then to the portal, so that the portal never lists
 * a group Thingsee does not have; every change is recorded with who made it. The changes that go device by device
 * (moving, removing, deleting a group) run in {@link GroupDeviceJobs}, once this service has checked them.
 */
@Service
public class GroupService {

    private final GroupStore groups;
    private final GroupChangeLog changeLog;
    private final GroupListStore listing;
    private final CurrentUser currentUser;
    private final ThingseeClient thingsee;
    private final ThingseeStacks stacks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** The creations running on this node, by tenant and group id: a second one waits for the first. */
    private final ConcurrentMap<String, CompletableFuture<Void>> creating = new ConcurrentHashMap<>();

    private final DeviceService devices;
    private final BackgroundWork work;
    private final GroupDeviceJobs deviceJobs;

    GroupService(
            GroupStore groups,
            GroupChangeLog changeLog,
            GroupListStore listing,
            CurrentUser currentUser,
            ThingseeClient thingsee,
            ThingseeStacks stacks,
            TransactionTemplate transaction,
            Clock clock,
            DeviceService devices,
            BackgroundWork work,
            GroupDeviceJobs deviceJobs) {
        this.groups = groups;
        this.changeLog = changeLog;
        this.listing = listing;
        this.currentUser = currentUser;
        this.thingsee = thingsee;
        this.stacks = stacks;
        this.transaction = transaction;
        this.clock = clock;
        this.devices = devices;
        this.work = work;
        this.deviceJobs = deviceJobs;
    }

    /** How many deployment groups the signed-in user's tenant has. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countGroups() {
        return groups.count(currentUser.tenantId());
    }

    /** The tenant's group with this id, if the portal has it. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Optional<DeploymentGroup> find(GroupId id) {
        return groups.find(currentUser.tenantId(), id);
    }

    /**
     * Creates the group in Thingsee ({@code POST /groups}) and then in the portal. A group id that exists already,
     * in either, is a {@link GroupAlreadyExistsException}; one that Thingsee has and the portal had not is imported
     * on the way, so that it can be opened. Other Thingsee failures are {@link ThingseeException}s with the API's
     * message, and the portal then stores nothing.
     */
    @RolesAllowed(AppRoles.ADMIN)
    public DeploymentGroup create(GroupId id, @Nullable String description) {
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > DeploymentGroup.DESCRIPTION_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A description has at most " + DeploymentGroup.DESCRIPTION_MAX_LENGTH + " characters");
        }
        PortalUser user = currentUser.require();
        long tenantId = currentUser.tenantId();
        // A second request for the same group (a double click, a second tab) waits for the first and then finds the
        // group, instead of asking Thingsee a second time.
        String key = tenantId + "/" + id.value();
        while (true) {
            var mine = new CompletableFuture<Void>();
            CompletableFuture<Void> running = creating.putIfAbsent(key, mine);
            if (running == null) {
                try {
                    return createOnce(tenantId, user, id, text);
                } finally {
                    creating.remove(key, mine);
                    mine.complete(null);
                }
            }
            running.join();
        }
    }

    /**
     * {@link #create} off the caller's thread, as the signed-in user, so that a view does not wait for Thingsee; the
     * future fails with the exceptions of {@link #create}.
     */
    @RolesAllowed(AppRoles.ADMIN)
    public CompletableFuture<DeploymentGroup> createInBackground(GroupId id, @Nullable String description) {
        return work.supply(() -> create(id, description));
    }

    private DeploymentGroup createOnce(long tenantId, PortalUser user, GroupId id, @Nullable String text) {
        if (groups.find(tenantId, id).isPresent()) {
            throw new GroupAlreadyExistsException(id);
        }
        try {
            thingsee.createGroup(stack(user), id.value(), text);
        } catch (ThingseeException.Conflict exists) {
            record(tenantId, user, new DeploymentGroup(id, null, clock.instant()), GroupChange.Kind.IMPORTED);
            throw new GroupAlreadyExistsException(id);
        }
        var group = new DeploymentGroup(id, text, clock.instant());
        return record(tenantId, user, group, GroupChange.Kind.CREATED);
    }

    /** What was done to the group, newest first. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<GroupChange> changes(GroupId id) {
        return groups.changes(currentUser.tenantId(), id);
    }

    /**
     * One page of the tenant's groups, with their device counts: those whose id or description contains the search
     * text (ignoring case; blank for all), sorted, from {@code offset}, at most {@code limit}. Paged in the database.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<GroupListItem> list(String search, GroupListSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return listing.page(currentUser.tenantId(), search, sort, offset, limit);
    }

    /** How many of the tenant's groups {@link #list} finds for the search text. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long count(String search) {
        return listing.count(currentUser.tenantId(), search);
    }

    /** A page of the tenant's groups whose id or description contains the text (any case), by id: to pick one. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeploymentGroup> findMatching(String text, int offset, int limit) {
        return groups.findMatching(currentUser.tenantId(), text, offset, limit);
    }

    /**
     * Moves devices of one group to another: for each, Thingsee first ({@code POST /things/{tuid}/group}), then the
     * portal. Runs as a job of the bulk-work engine, on past failures; a device that is not in the group {@code from}
     * (or not the tenant's) fails without a call. Both groups record how many devices moved when the job finishes.
     *
     * @return the job's id, to follow it ({@link io.thingseeportal.bulk.BulkJobs#progress}) and read its
     *     {@link #report}
     * @throws GroupNotFoundException at once, when either group is not the tenant's
     */
    @RolesAllowed(AppRoles.ADMIN)
    public long moveDevices(GroupId from, Collection<String> tuids, GroupId to) {
        if (from.equals(to)) {
            throw new IllegalArgumentException("The devices are in " + to + " already");
        }
        requireGroup(from);
        requireGroup(to);
        return reassign(from, tuids, to);
    }

    /**
     * Takes devices out of the group: to Thingsee's {@code unassigned}, then the portal; as {@link #moveDevices}.
     *
     * @throws GroupNotFoundException at once, when the group is not the tenant's
     */
    @RolesAllowed(AppRoles.ADMIN)
    public long removeDevices(GroupId from, Collection<String> tuids) {
        return reassign(from, tuids, null);
    }

    /** Moves devices of a group to another group, or with {@code to} null to Thingsee's {@code unassigned}. */
    private long reassign(GroupId from, Collection<String> tuids, @Nullable GroupId to) {
        requireGroup(from);
        stack(currentUser.require());
        return deviceJobs.reassign(from, tuids, to);
    }

    /**
     * What a job of {@link #moveDevices}, {@link #removeDevices} or {@link #delete} came to: which devices changed and
     * which failed and why; empty while it runs.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Optional<DeviceBatchReport> report(long jobId) {
        return deviceJobs.report(currentUser.tenantId(), jobId);
    }

    /**
     * Gives the group a new id, in Thingsee ({@code POST /groups/{id}/rename}) and then in the portal, where its
     * devices and its history follow it. The Thingsee call runs in the background.
     *
     * @throws GroupNotFoundException at once, when the group is not the tenant's
     * @throws GroupAlreadyExistsException at once when the portal has the new id; later (in the future) when Thingsee
     *     has it
     */
    @RolesAllowed(AppRoles.ADMIN)
    public CompletableFuture<DeploymentGroup> rename(GroupId id, GroupId newId) {
        if (id.equals(newId)) {
            throw new IllegalArgumentException("The group is called " + newId + " already");
        }
        PortalUser user = currentUser.require();
        long tenantId = requireGroup(id);
        if (groups.find(tenantId, newId).isPresent()) {
            throw new GroupAlreadyExistsException(newId);
        }
        ThingseeStack stack = stack(user);
        return work.supply(() -> {
            try {
                thingsee.renameGroup(stack, id.value(), newId.value());
            } catch (ThingseeException.Conflict exists) {
                throw new GroupAlreadyExistsException(newId);
            }
            return Objects.requireNonNull(transaction.execute(status -> {
                groups.rename(tenantId, id, newId);
                devices.renameGroup(id.value(), newId.value());
                changeLog.add(tenantId, change(newId, user, GroupChange.Kind.RENAMED, id + " → " + newId));
                return groups.find(tenantId, newId).orElseThrow();
            }));
        });
    }

    /**
     * Deletes the group as Haltian's tools do: each of its devices (the portal's and Thingsee's list) is first set
     * {@code uninstalled} and moved to {@code unassigned}; only when every device succeeded is the group deleted, in
     * Thingsee and then in the portal. Its history is kept. Thingsee's list is read in the background, then the job is
     * submitted to the bulk-work engine; when a device fails, the report says which, the group stays, and calling this
     * again retries exactly the devices still in it.
     *
     * @return the job's id, once submitted
     * @throws GroupNotFoundException at once, when the group is not the tenant's
     */
    @RolesAllowed(AppRoles.ADMIN)
    public CompletableFuture<Long> delete(GroupId id) {
        requireGroup(id);
        ThingseeStack stack = stack(currentUser.require());
        return work.supply(() -> {
            var tuids = new LinkedHashSet<>(devices.tuidsInGroup(id.value()));
            try {
                tuids.addAll(thingsee.listGroupDevices(stack, id.value()));
            } catch (ThingseeException.NotFound gone) {
                // Thingsee has no such group any more: only the portal's devices are left to move.
            }
            return deviceJobs.delete(id, tuids);
        });
    }

    private long requireGroup(GroupId id) {
        long tenantId = currentUser.tenantId();
        if (groups.find(tenantId, id).isEmpty()) {
            throw new GroupNotFoundException(id);
        }
        return tenantId;
    }

    private GroupChange change(GroupId id, PortalUser user, GroupChange.Kind kind, String details) {
        return new GroupChange(id.value(), clock.instant(), user.name(), kind, details);
    }

    private DeploymentGroup record(long tenantId, PortalUser user, DeploymentGroup group, GroupChange.Kind kind) {
        return Objects.requireNonNull(transaction.execute(status -> {
            if (groups.insertIfAbsent(tenantId, group)) {
                changeLog.add(tenantId, new GroupChange(group.id().value(), clock.instant(), user.name(), kind, null));
            }
            return groups.find(tenantId, group.id()).orElseThrow();
        }));
    }

    private ThingseeStack stack(PortalUser user) {
        String slug = Objects.requireNonNull(user.tenantSlug(), "tenant users have a slug");
        return stacks.require(slug);
    }
}
