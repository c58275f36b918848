package io.thingseeportal.device;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.thingsee.InstallationStatus;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's device inventory. Every query is scoped to the signed-in user's tenant. */
@Service
public class DeviceService {

    /** TUIDs per IN list and per insert batch: well below every driver's limit on parameters. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final CurrentUser currentUser;
    private final Clock clock;

    DeviceService(JdbcClient jdbc, JdbcTemplate batches, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** How many devices the signed-in user's tenant has. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countDevices() {
        return jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ?")
                .param(currentUser.tenantId())
                .query(Long.class)
                .single();
    }

    /**
     * Takes in what Thingsee lists as the members of a group (the group sync): devices the portal does not know are
     * added in the group, devices it has in no group are put in it, and devices it has in another group are left
     * there and returned, so that the difference can be shown rather than overwritten. Safe to run twice or from two
     * nodes at once: inserts skip devices that exist, and only devices still in no group are moved.
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public GroupMembersImport importGroupMembers(String groupId, Collection<String> tuids) {
        long tenantId = currentUser.tenantId();
        Timestamp now = Timestamp.from(clock.instant());
        int imported = 0;
        Map<String, String> inOtherGroups = new HashMap<>();
        List<String> all = List.copyOf(Set.copyOf(tuids));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Set<String> known = new HashSet<>();
            List<String> inNoGroup = new ArrayList<>();
            jdbc.sql("SELECT tuid, group_id FROM device WHERE tenant_id = :tenant AND tuid IN (:tuids)")
                    .param("tenant", tenantId)
                    .param("tuids", chunk)
                    .query(row -> {
                        String group = row.getString("group_id");
                        known.add(row.getString("tuid"));
                        if (group == null) {
                            inNoGroup.add(row.getString("tuid"));
                        } else if (!group.equals(groupId)) {
                            inOtherGroups.put(row.getString("tuid"), group);
                        }
                    });
            List<Object[]> unknown = chunk.stream()
                    .filter(tuid -> !known.contains(tuid))
                    .map(tuid -> new Object[] {
                        tenantId,
                        tuid,
                        now,
                        groupId,
                        now,
                        ProductType.ofTuid(tuid).map(ProductType::productName).orElse(null)
                    })
                    .toList();
            if (!unknown.isEmpty()) {
                for (int count : batches.batchUpdate(
                        "INSERT INTO device (tenant_id, tuid, created_at, group_id, group_at, product_type)"
                                + " VALUES (?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        unknown)) {
                    imported += Math.max(count, 0);
                }
            }
            if (!inNoGroup.isEmpty()) {
                imported += jdbc.sql("UPDATE device SET group_id = :group, group_at = :now"
                                + " WHERE tenant_id = :tenant AND group_id IS NULL AND tuid IN (:tuids)")
                        .param("group", groupId)
                        .param("now", now)
                        .param("tenant", tenantId)
                        .param("tuids", inNoGroup)
                        .update();
            }
        }
        return new GroupMembersImport(imported, inOtherGroups);
    }

    /**
     * One page of a group's devices, sorted and paged in SQL (on the index {@code device_by_group}), for a lazy grid.
     * A group of another tenant has no devices here.
     *
     * @param groupId the full deployment group id
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<GroupDevice> groupDevices(String groupId, DevicePage page) {
        return jdbc.sql("SELECT tuid, product_type, asset_name, installation_status, last_seen, battery_level"
                        + " FROM device WHERE tenant_id = ? AND group_id = ?"
                        + " ORDER BY " + page.sort().orderBy(page.descending())
                        + " LIMIT ? OFFSET ?")
                .params(currentUser.tenantId(), groupId, page.limit(), page.offset())
                .query((row, number) -> groupDevice(row))
                .list();
    }

    /** How many devices the portal has in the group. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countGroupDevices(String groupId) {
        return jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ? AND group_id = ?")
                .params(currentUser.tenantId(), groupId)
                .query(Long.class)
                .single();
    }

    /** The TUIDs of all the group's devices, for changes that affect every one of them (deleting the group). */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional(readOnly = true)
    public List<String> tuidsInGroup(String groupId) {
        return jdbc.sql("SELECT tuid FROM device WHERE tenant_id = ? AND group_id = ? ORDER BY tuid")
                .params(currentUser.tenantId(), groupId)
                .query(String.class)
                .list();
    }

    /** Which of the given TUIDs are devices of the tenant in this group; the others are not, or not the tenant's. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional(readOnly = true)
    public Set<String> inGroup(String groupId, Collection<String> tuids) {
        long tenantId = currentUser.tenantId();
        var all = new ArrayList<>(new HashSet<>(tuids));
        var found = new HashSet<String>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(jdbc.sql("SELECT tuid FROM device WHERE tenant_id = :tenant AND group_id = :group"
                            + " AND tuid IN (:tuids)")
                    .param("tenant", tenantId)
                    .param("group", groupId)
                    .param("tuids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(String.class)
                    .list());
        }
        return found;
    }

    /**
     * Records the device's group, as Thingsee has it now; null is Thingsee's {@code unassigned}. Messages the device
     * sent before now no longer change its group (their {@code deploymentGroupId} may still be the old one).
     *
     * @return false when the tenant has no such device
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public boolean assignGroup(String tuid, @Nullable String groupId) {
        return jdbc.sql("UPDATE device SET group_id = ?, group_at = ? WHERE tenant_id = ? AND tuid = ?")
                        .params(groupId, Timestamp.from(clock.instant()), currentUser.tenantId(), tuid)
                        .update()
                > 0;
    }

    /** Records the device's installation status, as Thingsee has it now; false when the tenant has no such device. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public boolean recordInstallationStatus(String tuid, InstallationStatus status) {
        return jdbc.sql("UPDATE device SET installation_status = ? WHERE tenant_id = ? AND tuid = ?")
                        .params(status.wireValue(), currentUser.tenantId(), tuid)
                        .update()
                > 0;
    }

    /**
     * Records the installation status Thingsee has for each device (the group sync), for the tenant's devices among
     * them. Returns how many devices changed status.
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public int recordInstallationStatuses(Map<String, InstallationStatus> statuses) {
        long tenantId = currentUser.tenantId();
        List<Object[]> rows = statuses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(status -> new Object[] {
                    status.getValue().wireValue(),
                    tenantId,
                    status.getKey(),
                    status.getValue().wireValue()
                })
                .toList();
        int changed = 0;
        for (int count : batches.batchUpdate(
                "UPDATE device SET installation_status = ? WHERE tenant_id = ? AND tuid = ? AND installation_status <> ?",
                rows)) {
            changed += Math.max(count, 0);
        }
        return changed;
    }

    /** A renamed group keeps its devices: they all follow it to the new id. Returns how many did. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public int renameGroup(String groupId, String newGroupId) {
        // The devices' group is the portal's word from now on: a stream message sent before the rename carries the
        // old id and must not move a device back (DeviceStateFold compares it with group_at).
        return jdbc.sql("UPDATE device SET group_id = ?, group_at = ? WHERE tenant_id = ? AND group_id = ?")
                .params(newGroupId, Timestamp.from(clock.instant()), currentUser.tenantId(), groupId)
                .update();
    }

    private static GroupDevice groupDevice(ResultSet row) throws SQLException {
        Timestamp lastSeen = row.getTimestamp("last_seen");
        int battery = row.getInt("battery_level");
        Integer batteryLevel = row.wasNull() ? null : battery;
        return new GroupDevice(
                row.getString("tuid"),
                row.getString("product_type"),
                row.getString("asset_name"),
                row.getString("installation_status"),
                lastSeen == null ? null : lastSeen.toInstant(),
                batteryLevel);
    }
}
