package io.thingseeportal.device;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's device inventory. */
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
                    .map(tuid -> new Object[] {tenantId, tuid, now, groupId})
                    .toList();
            if (!unknown.isEmpty()) {
                for (int count : batches.batchUpdate(
                        "INSERT INTO device (tenant_id, tuid, created_at, group_id) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        unknown)) {
                    imported += Math.max(count, 0);
                }
            }
            if (!inNoGroup.isEmpty()) {
                imported += jdbc.sql("UPDATE device SET group_id = :group"
                                + " WHERE tenant_id = :tenant AND group_id IS NULL AND tuid IN (:tuids)")
                        .param("group", groupId)
                        .param("tenant", tenantId)
                        .param("tuids", inNoGroup)
                        .update();
            }
        }
        return new GroupMembersImport(imported, inOtherGroups);
    }

    /** The TUIDs of the tenant's devices in the group, in no particular order. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<String> tuidsInGroup(String groupId) {
        return jdbc.sql("SELECT tuid FROM device WHERE tenant_id = ? AND group_id = ?")
                .params(currentUser.tenantId(), Objects.requireNonNull(groupId))
                .query(String.class)
                .list();
    }
}
