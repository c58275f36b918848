package io.thingseeportal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class NavigationTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    long tenantId;

    @BeforeEach
    void createTenant() {
        tenantId = TestData.tenant(jdbc, "Acme");
    }

    @Test
    void an_installer_sees_the_scanner_and_the_devices_and_no_admin_entries() {
        signIn("ilkka", tenantId, AppRoles.INSTALLER);
        UI.getCurrent().navigate("");
        assertThat(menuLabels()).containsExactly("Start", "Scan a sensor", "My work", "Devices", "Commands");
    }

    @Test
    void an_admin_sees_the_groups_people_and_settings_entries_and_with_the_simulator_of_the_tests_its_faults() {
        signIn("aino", tenantId, AppRoles.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(menuLabels())
                .containsExactly(
                        "Start",
                        "Scan a sensor",
                        "My work",
                        "Installations",
                        "Assets",
                        "Groups",
                        "Devices",
                        "Commands",
                        "QR labels",
                        "People",
                        "Audit log",
                        "Settings",
                        "Simulator");
    }

    @Test
    void a_viewer_sees_the_groups_and_devices_and_no_scanner() {
        signIn("veera", tenantId, AppRoles.VIEWER);
        UI.getCurrent().navigate("");
        assertThat(menuLabels()).containsExactly("Start", "Installations", "Groups", "Devices", "Commands");
    }

    @Test
    void the_operator_sees_the_tenants_entry_and_no_tenant_settings() {
        signIn("otto", null, AppRoles.OPERATOR);
        UI.getCurrent().navigate("");
        assertThat(menuLabels()).containsExactly("Start", "Tenants", "Audit log");
    }

    @Test
    void a_viewer_opening_the_admin_settings_is_denied() {
        signIn("veera", tenantId, AppRoles.VIEWER);
        UI.getCurrent().navigate("settings");
        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
        _get(AccessDeniedView.class);
    }

    @Test
    void an_installer_opening_the_tenant_list_is_denied() {
        signIn("ilkka", tenantId, AppRoles.INSTALLER);
        UI.getCurrent().navigate("tenants");
        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void an_admin_may_open_the_settings() {
        signIn("aino", tenantId, AppRoles.ADMIN);
        UI.getCurrent().navigate("settings");
        assertThat(currentView()).isNotInstanceOf(AccessDeniedView.class);
    }

    private static List<String> menuLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
