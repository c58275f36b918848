package io.thingseeportal.device;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's device inventory. */
@Service
public class DeviceService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    DeviceService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
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
}
