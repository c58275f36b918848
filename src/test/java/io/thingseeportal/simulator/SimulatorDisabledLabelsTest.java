package io.thingseeportal.simulator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "portal.simulator.enabled=false")
class SimulatorDisabledLabelsTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void without_the_simulator_there_is_no_labels_page() {
        signIn("aino", TestData.tenant(jdbc, "Acme"), AppRoles.ADMIN);

        assertThat(RouteConfiguration.forApplicationScope().isPathAvailable("simulator/labels"))
                .isFalse();
    }

    @Test
    void without_the_simulator_the_menu_has_no_labels_entry() {
        signIn("aino", TestData.tenant(jdbc, "Acme"), AppRoles.ADMIN);
        UI.getCurrent().navigate("");

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("QR labels");
    }
}
