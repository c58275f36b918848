package io.thingseeportal.device;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.thingsee.InstallationStatus;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the signed-in user's tenant's devices are mounted: the asset and group an installation gave them, as the
 * portal records it once Thingsee has taken the change.
 */
@Service
public class DeviceInstallations {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    DeviceInstallations(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The asset the device is mounted at, if the portal knows of one. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Optional<Long> assetOf(String tuid) {
        return jdbc.sql("SELECT asset_id FROM device WHERE tenant_id = ? AND tuid = ? AND asset_id IS NOT NULL")
                .params(currentUser.tenantId(), tuid)
                .query(Long.class)
                .optional();
    }

    /** How many of the tenant's devices are mounted at the asset. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countAt(long assetId) {
        return jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ? AND asset_id = ?")
                .params(currentUser.tenantId(), assetId)
                .query(Long.class)
                .single();
    }

    /** The assets' paths changed (renamed or moved): the devices mounted at them show the new ones. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public void assetPathsChanged(Map<Long, String> paths) {
        long tenantId = currentUser.tenantId();
        paths.forEach(
                (assetId, path) -> jdbc.sql("UPDATE device SET asset_name = ? WHERE tenant_id = ? AND asset_id = ?")
                        .params(path, tenantId, assetId)
                        .update());
    }

    /**
     * Records that Thingsee has the device installed in {@code groupId} (null: {@code unassigned}) and that it is
     * mounted at the asset; a device the portal had not heard of yet is added.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    @Transactional
    public void recordInstallation(String tuid, @Nullable String groupId, long assetId, String assetPath) {
        long tenantId = currentUser.tenantId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, product_type) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(
                        tenantId,
                        tuid,
                        now,
                        ProductType.ofTuid(tuid).map(ProductType::productName).orElse(null))
                .update();
        jdbc.sql("UPDATE device SET installation_status = ?, group_id = ?, group_at = ?, asset_id = ?, asset_name = ?"
                        + " WHERE tenant_id = ? AND tuid = ?")
                .params(InstallationStatus.INSTALLED.wireValue(), groupId, now, assetId, assetPath, tenantId, tuid)
                .update();
    }

    /** Records a status that leaves the device where it is (quarantine: waiting for maintenance at its place). */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    @Transactional
    public void recordStatus(String tuid, InstallationStatus status) {
        jdbc.sql("UPDATE device SET installation_status = ? WHERE tenant_id = ? AND tuid = ?")
                .params(status.wireValue(), currentUser.tenantId(), tuid)
                .update();
    }

    /** Records that the device left its asset and group with this status (uninstalled, quarantine or retired). */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    @Transactional
    public void recordRemoval(String tuid, InstallationStatus status) {
        jdbc.sql("UPDATE device SET installation_status = ?, group_id = NULL, group_at = ?, asset_id = NULL,"
                        + " asset_name = NULL WHERE tenant_id = ? AND tuid = ?")
                .params(status.wireValue(), Timestamp.from(clock.instant()), currentUser.tenantId(), tuid)
                .update();
    }
}
