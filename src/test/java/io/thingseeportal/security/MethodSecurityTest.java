package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The services are the security boundary, whatever a view may do. */
class MethodSecurityTest extends KaribuTest {

    @Autowired
    TenantService tenants;

    @Autowired
    SignInTenants signInTenants;

    @Autowired
    GroupService groups;

    @Autowired
    JdbcClient jdbc;

    @Test
    void nobody_signed_in_cannot_call_a_service() {
        assertThatThrownBy(() -> tenants.findAll()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void finding_a_tenant_for_sign_in_needs_nobody_signed_in() {
        long tenantId = TestData.tenant(jdbc, "Acme");
        String slug = jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .single();

        assertThat(signInTenants.findForSignIn(slug))
                .hasValueSatisfying(tenant -> assertThat(tenant.id()).isEqualTo(tenantId));
    }

    @Test
    void a_viewer_cannot_list_all_tenants() {
        signIn("veera", TestData.tenant(jdbc, "Acme"), AppRoles.VIEWER);
        assertThatThrownBy(() -> tenants.findAll()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_viewer_cannot_change_the_tenant_settings() {
        signIn("veera", TestData.tenant(jdbc, "Acme"), AppRoles.VIEWER);
        assertThatThrownBy(() -> tenants.updateSettings(TenantSettings.of("Hijacked", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_operator_cannot_read_tenant_scoped_counts_without_a_tenant() {
        signIn("otto", null, AppRoles.OPERATOR);
        assertThatThrownBy(() -> groups.countGroups()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_operator_lists_all_tenants() {
        long tenantId = TestData.tenant(jdbc, "Acme");
        signIn("otto", null, AppRoles.OPERATOR);
        assertThat(tenants.findAll()).anyMatch(tenant -> tenant.id() == tenantId);
    }

    @Test
    void an_admin_cannot_store_an_unknown_country() {
        signIn("aino", TestData.tenant(jdbc, "Acme"), AppRoles.ADMIN);
        assertThatThrownBy(() -> tenants.updateSettings(TenantSettings.of("Acme", "zz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zz");
    }
}
