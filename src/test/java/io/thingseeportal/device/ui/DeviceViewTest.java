package io.thingseeportal.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.thingseeportal.device.DeviceRows.configuration;
import static io.thingseeportal.device.DeviceRows.reading;
import static io.thingseeportal.device.DeviceRows.reportingDevice;
import static io.thingseeportal.device.ui.LivePage.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceSeries;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.device.RecentMessage;
import io.thingseeportal.device.SeriesPoint;
import io.thingseeportal.device.SeriesRange;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.ThingseeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The device page: facts, values, chart and messages of one device, following it live. */
class DeviceViewTest extends MockedThingseeTest {

    static final String TUID = "TSPR04PAGE0000001";

    @Autowired
    Clock clock;

    long tenantId;
    Instant now;

    @BeforeEach
    void aPresenceSensorThatReported() {
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        tenantId = TestData.tenant(jdbc, "Acme");
        reportingDevice(jdbc, tenantId, TUID, "prfi00office", 87, now.minusSeconds(60), 300);
        reading(jdbc, tenantId, TUID, 1110, now.minus(Duration.ofHours(2)), "\"batl\":88");
        reading(jdbc, tenantId, TUID, 1110, now.minusSeconds(60), "\"batl\":87");
        reading(jdbc, tenantId, TUID, 13100, now.minusSeconds(60), "\"moveCount\":12");
        configuration(jdbc, tenantId, TUID, 1500, now.minusSeconds(600), 7, "\"reportInterval\":300");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
    }

    @Test
    void the_page_shows_the_devices_facts_latest_values_and_configuration() {
        open(TUID);

        assertThat(_get(H2.class).getText()).isEqualTo(TUID);
        assertThat(text("device-product")).isEqualTo("Thingsee PRESENCE");
        assertThat(text("device-group")).isEqualTo("prfi00office");
        assertThat(text("device-status")).isEqualTo("Installed");
        assertThat(text("device-state")).isEqualTo("Reporting");
        assertThat(text("device-battery")).isEqualTo("87 %");
        assertThat(text("device-charging")).isEqualTo("Not connected");
        assertThat(text("device-report-interval")).isEqualTo("300 s");
        assertThat(text("value-1110-batl")).isEqualTo("87 %");
        assertThat(text("value-13100-moveCount")).startsWith("12");
        assertThat(text("config-1500-reportInterval")).isEqualTo("300 s");
        assertThat(GridKt._size(messages())).isEqualTo(3);
    }

    @Test
    void the_chart_shows_the_battery_first_and_another_series_on_choice() {
        open(TUID);
        DeviceChart chart = _get(DeviceChart.class);

        assertThat(chart.points()).extracting(SeriesPoint::value).containsExactly(88.0, 87.0);
        assertThat(chart.label()).endsWith("(1110)");

        _setValue(seriesChoice(), new DeviceSeries(13100, "moveCount"));
        assertThat(chart.points()).extracting(SeriesPoint::value).containsExactly(12.0);

        reading(jdbc, tenantId, TUID, 13100, now.minus(Duration.ofDays(2)), "\"moveCount\":5");
        _setValue(_get(Select.class, spec -> spec.withId("chart-range")), SeriesRange.WEEK);
        assertThat(chart.points()).extracting(SeriesPoint::value).containsExactly(5.0, 12.0);
    }

    @Test
    void a_message_opens_its_json_on_demand() {
        open(TUID);
        Grid<RecentMessage> grid = messages();

        var json = (Pre) GridKt._getItemDetailsComponent(grid, 0);

        assertThat(json.getText()).contains("\"tsmTuid\" : \"" + TUID + "\"");
    }

    @Test
    void an_unknown_tuid_or_another_tenants_device_says_there_is_no_such_device() {
        reportingDevice(jdbc, TestData.tenant(jdbc, "Borealis"), "TSPR04THEIRS", null, 50, now, 300);

        for (String tuid : List.of("TSPR04NOSUCH", "TSPR04THEIRS", "not-a-tuid!")) {
            open(tuid);
            assertThat(_get(Paragraph.class).getText()).isEqualTo("Your organisation has no device \"" + tuid + "\".");
            _assertNone(DeviceChart.class);
        }
    }

    @Test
    void the_page_follows_the_device_live_without_a_reload() {
        open(TUID);
        DeviceChart chart = _get(DeviceChart.class);

        jdbc.sql("UPDATE device SET battery_level = 42 WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .update();
        reading(jdbc, tenantId, TUID, 1110, now, "\"batl\":42");
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(TUID)));

        awaitUi(() -> text("device-battery").equals("42 %"));
        assertThat(text("value-1110-batl")).startsWith("42");
        assertThat(chart.points()).extracting(SeriesPoint::value).containsExactly(88.0, 87.0, 42.0);
        assertThat(GridKt._size(messages())).isEqualTo(4);
    }

    @Test
    void the_page_moved_to_another_device_follows_that_device() {
        String other = "TSPR04PAGE0000002";
        reportingDevice(jdbc, tenantId, other, "prfi00office", 55, now.minusSeconds(60), 300);
        open(TUID);
        open(other);

        jdbc.sql("UPDATE device SET battery_level = 44 WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, other)
                .update();
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(other)));

        awaitUi(() -> text("device-battery").equals("44 %"));
    }

    @Test
    void changes_of_other_devices_leave_the_page_as_it_is() {
        open(TUID);
        jdbc.sql("UPDATE device SET battery_level = 42 WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .update();

        context.publishEvent(new DeviceStateChanged(tenantId, Set.of("TSPR04OTHER")));
        await().pollInSameThread()
                .during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(2))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return true;
                });

        assertThat(text("device-battery")).isEqualTo("87 %");
    }

    @Test
    void a_refresh_thingsee_answers_with_404_says_thingsee_does_not_know_the_device() {
        when(thingsee.getDevice(STACK, TUID)).thenThrow(new ThingseeException.NotFound(404, "Not Found", "Not found"));
        open(TUID);

        _click(_get(Button.class, spec -> spec.withId("refresh-from-thingsee")));

        awaitUi(() -> !NotificationsKt.getNotifications().isEmpty());
        assertThat(NotificationsKt.getNotifications())
                .extracting(notification -> notification.getElement().getProperty("text"))
                .containsExactly("Thingsee does not know this device in your organisation's stack.");
        assertThat(_get(Button.class, spec -> spec.withId("refresh-from-thingsee"))
                        .isEnabled())
                .isTrue();
    }

    private static void open(String tuid) {
        UI.getCurrent().navigate("devices/" + tuid);
    }

    @SuppressWarnings("unchecked")
    private static Grid<RecentMessage> messages() {
        return _get(Grid.class, spec -> spec.withId("device-messages"));
    }

    @SuppressWarnings("unchecked")
    private static Select<DeviceSeries> seriesChoice() {
        return _get(Select.class, spec -> spec.withId("chart-series"));
    }
}
