package io.thingseeportal.deviceconfig;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Configuration commands sent to the tenant's devices, and their echoes. */
@Service
public class DeviceCommandService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    DeviceCommandService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** How many commands sent by the signed-in user's tenant still wait for the device's echo. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countAwaitingEcho() {
        return jdbc.sql("SELECT count(*) FROM device_command WHERE tenant_id = ? AND echoed_at IS NULL")
                .param(currentUser.tenantId())
                .query(Long.class)
                .single();
    }
}
