package io.thingseeportal.group;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's deployment groups. */
@Service
public class GroupService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    GroupService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** How many deployment groups the signed-in user's tenant has. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countGroups() {
        return jdbc.sql("SELECT count(*) FROM deployment_group WHERE tenant_id = ?")
                .param(currentUser.tenantId())
                .query(Long.class)
                .single();
    }
}
