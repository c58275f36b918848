package io.thingseeportal.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.thingseeportal.device.ui.LivePage.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.nodefeature.ElementData;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.MutableClock;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceRows;
import io.thingseeportal.security.AppRoles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * "3 min ago" stays true on an open device list and device page: the clock is moved by hand, and the views' own timer
 * (every 200 ms here instead of every minute) words the times again without a reload or a device message.
 */
@Import(RelativeTimeRefreshTest.ClockConfig.class)
@TestPropertySource(properties = "portal.devices.time-refresh=200ms")
class RelativeTimeRefreshTest extends KaribuTest {

    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    static final String TUID = "TSPR04TIME000001";

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aDeviceSeenAMinuteAgo() {
        clock.set(START);
        long tenantId = TestData.tenant(jdbc, "Acme");
        // Reports every 5 minutes: silent too long 15 minutes after it was last seen.
        DeviceRows.reportingDevice(jdbc, tenantId, TUID, null, 80, START.minus(Duration.ofMinutes(1)), 300);
        signIn("Aino", tenantId, AppRoles.VIEWER);
    }

    @Test
    void the_device_lists_last_seen_is_worded_again_as_time_passes() {
        UI.getCurrent().navigate("devices");
        grid().getDataCommunicator().setViewportRange(0, 50);
        MockVaadin.clientRoundtrip();
        assertThat(renderedLastSeen()).isNotEmpty().containsOnly("1 min ago");

        clock.advance(Duration.ofMinutes(5));

        awaitUi(() -> allSay("6 min ago"));
        clock.advance(Duration.ofMinutes(10));
        awaitUi(() -> allSay("16 min ago"));
        assertThat(renderedLastSeenElements())
                .allSatisfy(cell -> assertThat(cell.getClassList()).contains("device-list-stale"));
    }

    @Test
    void the_device_pages_last_seen_and_state_are_worded_again_as_time_passes() {
        UI.getCurrent().navigate("devices/" + TUID);
        assertThat(text("device-last-seen")).startsWith("1 min ago (");
        assertThat(text("device-state")).isEqualTo("Reporting");

        clock.advance(Duration.ofMinutes(20));

        awaitUi(() -> text("device-last-seen").startsWith("21 min ago ("));
        assertThat(text("device-last-arrival")).startsWith("20 min ago (");
        assertThat(text("device-state")).isEqualTo("Silent: no message for three report intervals");
    }

    /** The column's cell and the phone card's line, both rendered for the row. */
    private static boolean allSay(String text) {
        List<String> shown = renderedLastSeen();
        return !shown.isEmpty() && shown.stream().allMatch(text::equals);
    }

    /**
     * The last-seen cells the grid rendered and holds for the browser. Karibu's own cell lookup renders a cell afresh,
     * which would word the time anew without any refresh.
     */
    private static List<String> renderedLastSeen() {
        return renderedLastSeenElements().stream()
                .map(Element::getTextRecursively)
                .toList();
    }

    private static List<Element> renderedLastSeenElements() {
        List<Element> cells = new ArrayList<>();
        grid().getElement().getNode().visitNodeTree(node -> {
            if (node.hasFeature(ElementData.class)) {
                Element element = Element.get(node);
                if (!element.isTextNode() && element.getClassList().contains("device-list-seen")) {
                    cells.add(element);
                }
            }
        });
        return cells;
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("devices"));
    }
}
