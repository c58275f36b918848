package io.thingseeportal.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.thingseeportal.device.DeviceRows.configuration;
import static io.thingseeportal.device.DeviceRows.configurationEcho;
import static io.thingseeportal.device.DeviceRows.reading;
import static io.thingseeportal.device.DeviceRows.reportingDevice;
import static io.thingseeportal.device.ui.LivePage.span;
import static io.thingseeportal.device.ui.LivePage.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.change.NodeChange;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceSeries;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.security.AppRoles;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The device page following its device: each message changes on the page only what it changed, and the browser is sent
 * only that.
 */
class DeviceViewLiveTest extends MockedThingseeTest {

    static final String TUID = "TSPR04LIVE000001";

    @Autowired
    Clock clock;

    long tenantId;
    Instant now;

    @BeforeEach
    void aPresenceSensorThatReported() {
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Seen 5½ minutes ago: "5 min ago" for half a minute yet, so that no test sees its wording change.
        Instant seen = now.minusSeconds(330);
        tenantId = TestData.tenant(jdbc, "Acme");
        reportingDevice(jdbc, tenantId, TUID, "prfi00office", 87, seen, 300);
        reading(jdbc, tenantId, TUID, 1110, seen, "\"batl\":87");
        reading(jdbc, tenantId, TUID, 13100, seen, "\"moveCount\":12");
        configuration(jdbc, tenantId, TUID, 1500, now.minusSeconds(600), 7, "\"reportInterval\":300");
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
    }

    @Test
    void a_message_that_changes_the_battery_leaves_the_value_cards_components_in_place() {
        open();
        Span battery = span("value-1110-batl");
        Span moveCount = span("value-13100-moveCount");

        aBatteryMessage(42);

        awaitUi(() -> text("value-1110-batl").equals("42 %"));
        assertThat(span("value-1110-batl")).isSameAs(battery);
        assertThat(span("value-13100-moveCount")).isSameAs(moveCount);
    }

    @Test
    void a_change_that_leaves_values_facts_and_configuration_as_they_were_sends_the_browser_none_of_them() {
        open();
        sentToBrowser();

        jdbc.sql("UPDATE device SET firmware = '2025.1.0_pir' WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .update();
        changed();

        awaitUi(() -> text("device-firmware").equals("2025.1.0_pir"));
        List<NodeChange> sent = sentToBrowser();
        assertThat(inside(sent, span("device-firmware"))).isNotEmpty();
        assertThat(inside(sent, _get(FormLayout.class, spec -> spec.withId("device-facts"))))
                .allSatisfy(change -> assertThat(isInside(change.getNode(), span("device-firmware")))
                        .isTrue());
        assertThat(inside(sent, layout("values"))).isEmpty();
        assertThat(inside(sent, layout("configs"))).isEmpty();
    }

    @Test
    void a_new_kind_of_reading_gets_a_card_and_becomes_a_chart_choice() {
        open();

        reading(jdbc, tenantId, TUID, 12100, now, "\"temp\":21.5");
        changed();

        awaitUi(() -> has("value-12100-temp"));
        assertThat(seriesChoice().getListDataView().getItems())
                .contains(DeviceSeries.BATTERY, new DeviceSeries(12100, "temp"));
    }

    @Test
    void a_data_message_does_not_read_the_configuration_again() {
        open();
        // A stored configuration that changed without a configuration message, which the ingest never does: shown
        // only if the page read the configuration again.
        jdbc.sql("UPDATE device_configuration SET fields = '{\"reportInterval\":60}' WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .update();

        aBatteryMessage(42);

        awaitUi(() -> text("device-battery").equals("42 %"));
        assertThat(text("config-1500-reportInterval")).isEqualTo("300 s");
    }

    @Test
    void a_configuration_echo_shows_the_configuration_it_reported() {
        open();

        configurationEcho(jdbc, tenantId, TUID, 1500, now, 8, "\"reportInterval\":60");
        changed();

        awaitUi(() -> text("config-1500-reportInterval").equals("60 s"));
    }

    @Test
    void a_configuration_echo_changes_the_texts_of_its_card_in_place_and_sends_the_browser_nothing_else() {
        open();
        Span interval = span("config-1500-reportInterval");
        sentToBrowser();

        configurationEcho(jdbc, tenantId, TUID, 1500, now.plusSeconds(1), 8, "\"reportInterval\":60");
        changed();

        awaitUi(() -> text("config-1500-reportInterval").equals("60 s"));
        assertThat(span("config-1500-reportInterval")).isSameAs(interval);
        List<NodeChange> sent = inside(sentToBrowser(), layout("configs"));
        assertThat(sent)
                .as("the reported value and the card's time changed, no card was built again")
                .isNotEmpty()
                .allSatisfy(change -> assertThat(isInside(change.getNode(), interval)
                                || isInside(change.getNode(), _get(Div.class, spec -> spec.withId("config-time-1500"))))
                        .isTrue());
    }

    /** A battery message as the ingest takes it in: the device row, the history and the latest value; then its event. */
    private void aBatteryMessage(int level) {
        jdbc.sql("UPDATE device SET battery_level = ? WHERE tenant_id = ? AND tuid = ?")
                .params(level, tenantId, TUID)
                .update();
        reading(jdbc, tenantId, TUID, 1110, now, "\"batl\":" + level);
        changed();
    }

    private void changed() {
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(TUID)));
    }

    private static void open() {
        UI.getCurrent().navigate("devices/" + TUID);
    }

    /** What the browser would be sent now; afterwards nothing is pending. */
    private static List<NodeChange> sentToBrowser() {
        List<NodeChange> changes = new ArrayList<>();
        UI.getCurrent().getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }

    private static List<NodeChange> inside(List<NodeChange> changes, Component component) {
        return changes.stream()
                .filter(change -> isInside(change.getNode(), component))
                .toList();
    }

    private static boolean isInside(StateNode node, Component component) {
        StateNode root = component.getElement().getNode();
        for (StateNode at = node; at != null; at = at.getParent()) {
            if (at == root) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Select<DeviceSeries> seriesChoice() {
        return _get(Select.class, spec -> spec.withId("chart-series"));
    }

    private static FlexLayout layout(String id) {
        return _get(FlexLayout.class, spec -> spec.withId(id));
    }

    private static boolean has(String id) {
        return !_find(Span.class, spec -> spec.withId(id)).isEmpty();
    }
}
