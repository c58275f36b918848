package io.thingseeportal.group;

import io.thingseeportal.device.DeviceService;
import io.thingseeportal.device.GroupMembersImport;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantSummary;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import io.thingseeportal.thingsee.ThingseeStack;
import io.thingseeportal.thingsee.ThingseeStacks;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs the tenant's deployment groups with Thingsee ({@code GET /groups}, {@code GET /groups/{id}/things}): groups and
 * memberships that exist only in Thingsee are imported; where the two disagree otherwise, the portal keeps what it has
 * and records the difference for an admin to see. Every sync reads all it needs from Thingsee before it writes
 * anything, so a failing call changes nothing.
 *
 * <p>With several portal nodes each runs the schedule: a node claims a tenant for an interval before syncing it (a
 * lease in {@code group_sync_state}), so a tenant is usually synced once per interval; and when two syncs of a tenant
 * do overlap (two nodes, or "Sync now" beside the schedule), their write phases take turns on the tenant's lock and
 * every insert skips rows that exist, so the second finds the first's imports instead of duplicating them.
 */
@Service
public class GroupSyncService {

    /** Whom the scheduled sync's imports are recorded as. */
    public static final String SCHEDULED_SYNC = "Thingsee sync";

    private static final Logger log = LoggerFactory.getLogger(GroupSyncService.class);
    private static final PortalUser SCHEDULER =
            new PortalUser("thingsee-sync", SCHEDULED_SYNC, Set.of(AppRoles.OPERATOR), null, null, null);
    private static final int SUBJECT_MAX_LENGTH = 200;

    private final ThingseeClient thingsee;
    private final ThingseeStacks stacks;
    private final CurrentUser currentUser;
    private final TenantService tenants;
    private final DeviceService devices;
    private final GroupStore groups;
    private final GroupChangeLog changeLog;
    private final GroupSyncStore store;
    private final TransactionTemplate transaction;
    private final Executor executor;
    private final GroupsProperties properties;
    private final Clock clock;

    GroupSyncService(
            ThingseeClient thingsee,
            ThingseeStacks stacks,
            CurrentUser currentUser,
            TenantService tenants,
            DeviceService devices,
            GroupStore groups,
            GroupChangeLog changeLog,
            GroupSyncStore store,
            TransactionTemplate transaction,
            @Qualifier("applicationTaskExecutor") Executor executor,
            GroupsProperties properties,
            Clock clock) {
        this.thingsee = thingsee;
        this.stacks = stacks;
        this.currentUser = currentUser;
        this.tenants = tenants;
        this.devices = devices;
        this.groups = groups;
        this.changeLog = changeLog;
        this.store = store;
        this.transaction = transaction;
        this.executor = executor;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts a sync of the signed-in admin's tenant in the background and returns at once; the imports are recorded as
     * the admin's. {@code progress} hears how far it is (from the background thread, at most about two hundred times).
     * The result fails with a {@link ThingseeException} when a Thingsee call fails; nothing is changed then. Throws
     * {@link io.thingseeportal.thingsee.NoThingseeStackException} at once when the tenant has no Thingsee stack.
     */
    @RolesAllowed(AppRoles.ADMIN)
    public CompletableFuture<GroupSyncSummary> syncNow(Consumer<GroupSyncProgress> progress) {
        PortalUser admin = currentUser.require();
        long tenantId = currentUser.tenantId();
        String slug = Objects.requireNonNull(admin.tenantSlug(), "tenant users have a slug");
        ThingseeStack stack = stacks.require(slug);
        return CompletableFuture.supplyAsync(
                () -> currentUser.runAs(admin, () -> sync(tenantId, stack, admin.name(), progress)), executor);
    }

    /** When the tenant last synced, and how many differences are left to look at. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public GroupSyncStatus status() {
        return store.status(currentUser.tenantId());
    }

    /** A page of the differences the last sync left, newest first. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<GroupSyncDifference> differences(int offset, int limit) {
        return store.differences(currentUser.tenantId(), offset, limit);
    }

    /**
     * The scheduled sync: every tenant that has a Thingsee stack and that no node synced in the last half interval.
     * One tenant's failure is logged and does not stop the others.
     */
    void syncAllTenants() {
        for (TenantSummary tenant : currentUser.runAs(SCHEDULER, tenants::findAll)) {
            Optional<ThingseeStack> stack = stacks.forTenant(tenant.slug());
            Instant now = clock.instant();
            if (stack.isEmpty()
                    || !store.claim(
                            tenant.id(),
                            now,
                            now.minus(properties.syncInterval().dividedBy(2)))) {
                continue;
            }
            var sync = new PortalUser(
                    SCHEDULER.subject(),
                    SCHEDULED_SYNC,
                    Set.of(AppRoles.ADMIN),
                    tenant.id(),
                    tenant.slug(),
                    tenant.name());
            try {
                GroupSyncSummary summary =
                        currentUser.runAs(sync, () -> sync(tenant.id(), stack.get(), SCHEDULED_SYNC, ignored -> {}));
                log.info("Groups of tenant {} synced with Thingsee: {}", tenant.slug(), summary);
            } catch (ThingseeException e) {
                log.warn("Groups of tenant {} not synced, nothing changed: {}", tenant.slug(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("Groups of tenant {} not synced, nothing changed", tenant.slug(), e);
            }
        }
    }

    private GroupSyncSummary sync(
            long tenantId, ThingseeStack stack, String actor, Consumer<GroupSyncProgress> progress) {
        List<ThingseeGroup> listed = thingsee.listGroups(stack);
        Map<GroupId, ThingseeGroup> remote = new LinkedHashMap<>();
        List<String> notImportable = new ArrayList<>();
        for (ThingseeGroup group : listed) {
            if (GroupId.problemOf(group.groupId()).isEmpty()) {
                remote.put(GroupId.parse(group.groupId()), group);
            } else if (!GroupId.UNASSIGNED.equals(group.groupId())) {
                notImportable.add(group.groupId());
            }
        }
        // Listing the groups, listing each group's members, and storing; the devices' statuses are added once known.
        var steps = new SyncSteps(progress, remote.size() + 2);
        steps.done();
        Map<GroupId, List<String>> members = new LinkedHashMap<>();
        for (GroupId id : remote.keySet()) {
            members.put(id, thingsee.listGroupDevices(stack, id.value()));
            steps.done();
        }
        Set<String> tuids = new LinkedHashSet<>();
        members.values().forEach(tuids::addAll);
        steps.next(GroupSyncProgress.Stage.INSTALLATION_STATUSES, tuids.size());
        Map<String, InstallationStatus> statuses = installationStatuses(stack, tuids, steps);
        steps.next(GroupSyncProgress.Stage.SAVING, 0);
        GroupSyncSummary summary = Objects.requireNonNull(transaction.execute(status -> {
            GroupSyncSummary written = write(tenantId, actor, remote, members, notImportable);
            int changed = devices.recordInstallationStatuses(statuses);
            if (changed > 0) {
                log.info("Installation status of {} devices of tenant {} taken from Thingsee", changed, tenantId);
            }
            return written;
        }));
        steps.done();
        return summary;
    }

    /**
     * The current installation status of every device Thingsee lists in a group (the newest entry of its history), so
     * that devices installed in Thingsee no longer show as new: one call per device, each a step of the progress. A
     * device with no history, or one Thingsee no longer finds, keeps the status the portal has.
     */
    private Map<String, InstallationStatus> installationStatuses(
            ThingseeStack stack, Set<String> tuids, SyncSteps steps) {
        Map<String, InstallationStatus> statuses = new HashMap<>();
        for (String tuid : tuids) {
            try {
                thingsee.getInstallationHistory(stack, tuid, 1).stream()
                        .findFirst()
                        .ifPresent(newest -> statuses.put(tuid, newest.status()));
            } catch (ThingseeException.NotFound gone) {
                log.debug("Device {} listed in a group but not found in Thingsee", tuid);
            }
            steps.done();
        }
        return statuses;
    }

    private GroupSyncSummary write(
            long tenantId,
            String actor,
            Map<GroupId, ThingseeGroup> remote,
            Map<GroupId, List<String>> members,
            List<String> notImportable) {
        store.lock(tenantId);
        Instant now = clock.instant();
        Set<String> portalGroups = store.groupIds(tenantId);
        int groupsImported = importGroups(tenantId, actor, remote, portalGroups, now);
        List<GroupSyncDifference> differences = new ArrayList<>();
        Set<String> remoteIds = new HashSet<>();
        remote.keySet().forEach(id -> remoteIds.add(id.value()));
        portalGroups.stream()
                .filter(id -> !remoteIds.contains(id))
                .forEach(id -> differences.add(difference(GroupSyncDifference.Kind.GROUP_ONLY_IN_PORTAL, id, now)));
        notImportable.forEach(id -> differences.add(difference(GroupSyncDifference.Kind.GROUP_NOT_IMPORTED, id, now)));
        int devicesImported = importMembers(tenantId, actor, members, differences, now);
        int stored = store.replaceDifferences(tenantId, differences);
        store.markSynced(tenantId, now);
        return new GroupSyncSummary(groupsImported, devicesImported, stored);
    }

    private int importGroups(
            long tenantId, String actor, Map<GroupId, ThingseeGroup> remote, Set<String> portalGroups, Instant now) {
        int imported = 0;
        for (var group : remote.entrySet()) {
            GroupId id = group.getKey();
            if (!portalGroups.contains(id.value())
                    && store.importGroup(tenantId, id, description(group.getValue()), now)) {
                changeLog.add(
                        tenantId,
                        new GroupChange(id.value(), now, actor, GroupChange.Kind.IMPORTED, "Found in Thingsee"));
                imported++;
            }
        }
        return imported;
    }

    /** Imports each group's members as Thingsee lists them and adds the differences in membership it finds. */
    private int importMembers(
            long tenantId,
            String actor,
            Map<GroupId, List<String>> members,
            List<GroupSyncDifference> differences,
            Instant now) {
        Map<String, String> thingseeGroupOf = new HashMap<>();
        members.forEach((id, tuids) -> tuids.forEach(tuid -> thingseeGroupOf.put(tuid, id.value())));
        int imported = 0;
        for (var group : members.entrySet()) {
            String groupId = group.getKey().value();
            GroupMembersImport result = devices.importGroupMembers(groupId, group.getValue());
            if (result.imported() > 0) {
                String details = String.valueOf(result.imported());
                changeLog.add(
                        tenantId, new GroupChange(groupId, now, actor, GroupChange.Kind.DEVICES_IMPORTED, details));
                imported += result.imported();
            }
            result.inOtherGroups()
                    .forEach((tuid, portalGroup) -> differences.add(new GroupSyncDifference(
                            GroupSyncDifference.Kind.DEVICE_IN_OTHER_GROUP, tuid, portalGroup, groupId, now)));
            // A device Thingsee lists in another of its groups is reported once, from that group's side.
            for (String tuid : devices.tuidsInGroup(groupId)) {
                if (!thingseeGroupOf.containsKey(tuid)) {
                    differences.add(new GroupSyncDifference(
                            GroupSyncDifference.Kind.DEVICE_NOT_IN_GROUP_IN_THINGSEE, tuid, groupId, null, now));
                }
            }
        }
        return imported;
    }

    private static GroupSyncDifference difference(GroupSyncDifference.Kind kind, String groupId, Instant now) {
        String subject = groupId.length() > SUBJECT_MAX_LENGTH ? groupId.substring(0, SUBJECT_MAX_LENGTH) : groupId;
        return new GroupSyncDifference(kind, subject, null, null, now);
    }

    private static @Nullable String description(ThingseeGroup group) {
        String text = group.description();
        if (text == null || text.isBlank()) {
            return null;
        }
        text = text.strip();
        return text.length() > DeploymentGroup.DESCRIPTION_MAX_LENGTH
                ? text.substring(0, DeploymentGroup.DESCRIPTION_MAX_LENGTH)
                : text;
    }
}
