package io.thingseeportal.simulator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.security.AppRoles;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SimulatorLabelsViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorStore store;

    long acme;

    @BeforeEach
    void acmeTenant() {
        // The tenant whose slug names the simulated stack acme; other tests of this context may have created it.
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) SELECT 'acme', 'Acme', CURRENT_TIMESTAMP"
                        + " WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE slug = 'acme')")
                .update();
        acme = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
    }

    @Test
    void an_admin_sees_one_label_per_device_of_the_own_stack() {
        signIn("aino", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate("simulator/labels");

        assertThat(labelTuids()).containsExactlyElementsOf(tuids("acme"));
        assertThat(labelTuids()).doesNotContainAnyElementsOf(tuids("borealis"));
    }

    @Test
    void every_legacy_code_decodes_to_serial_and_product_code_of_its_device() {
        signIn("aino", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate("simulator/labels");

        for (Div label : labels()) {
            String tuid = tuid(label);
            String legacy = QrDecoding.decodeDataUri(codes(label).get(0).getSrc());
            assertThat(legacy).isEqualTo(tuid.substring(6) + "," + tuid.substring(0, 6));
        }
    }

    @Test
    void some_labels_also_carry_the_newer_code_naming_the_same_device() {
        signIn("aino", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate("simulator/labels");

        var withNewer =
                labels().stream().filter(label -> codes(label).size() == 2).toList();
        assertThat(withNewer).isNotEmpty().hasSizeLessThan(labels().size());
        for (Div label : withNewer) {
            String tuid = tuid(label);
            assertThat(QrDecoding.decodeDataUri(codes(label).get(1).getSrc()))
                    .matches("I#" + tuid.substring(0, 6) + ",W#[0-9]+,S#" + tuid.substring(6));
        }
    }

    @Test
    void each_label_prints_tuid_and_product_name() {
        signIn("aino", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate("simulator/labels");

        Div first = labels().get(0);
        assertThat(spans(first)).contains(tuids("acme").get(0), "Thingsee GATEWAY");
    }

    @Test
    void an_admin_finds_the_labels_in_the_menu() {
        signIn("aino", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate("");

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("QR labels");
    }

    @Test
    void the_labels_page_sits_in_the_portal_layout_with_its_menu() {
        signIn("aino", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate("simulator/labels");

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Start", "QR labels");
    }

    @Test
    void a_viewer_is_denied() {
        signIn("veera", acme, AppRoles.VIEWER);
        UI.getCurrent().navigate("simulator/labels");

        assertThat(currentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        assertThat(labels()).isEmpty();
    }

    private List<String> tuids(String stack) {
        return store.read(
                stack,
                state -> state.devices().stream().map(SimulatedDevice::tuid).toList());
    }

    private static List<Div> labels() {
        return _find(Div.class).stream()
                .filter(div -> div.hasClassName("device-label"))
                .toList();
    }

    private static List<String> labelTuids() {
        return labels().stream().map(SimulatorLabelsViewTest::tuid).toList();
    }

    private static String tuid(Div label) {
        return label.getChildren()
                .filter(child -> child instanceof Span span && span.hasClassName("device-label-tuid"))
                .map(child -> ((Span) child).getText())
                .findFirst()
                .orElseThrow();
    }

    private static List<String> spans(Div label) {
        return label.getChildren()
                .filter(Span.class::isInstance)
                .map(child -> ((Span) child).getText())
                .toList();
    }

    private static List<Image> codes(Div label) {
        return _find(label, Image.class);
    }
}
