package io.thingseeportal.deviceconfig.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.DataChangeEvent;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceMessageIngest;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remote configuration on a device's page: installers find the sensor with a blink or a ping, admins configure it,
 * viewers only read; a command's state follows its echo without a reload.
 */
class DeviceCommandsPanelTest extends MockedThingseeTest {

    static final String TUID = "TSPR04PANELTEST01";
    static final int PIR = 13200;

    @Autowired
    DeviceMessageIngest ingest;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DeviceCommandService commands;

    long tenantId;
    String slug;
    int answers;

    @BeforeEach
    void aPresenceSensor() {
        tenantId = TestData.tenant(jdbc, "Acme");
        slug = TestData.slug(jdbc, tenantId);
        TestData.device(jdbc, tenantId, TUID, "prfi00office");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.sendCommands(eq(STACK), anyString(), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
    }

    @Test
    void an_installer_pings_the_sensor_and_sees_the_answer_arrive_without_a_reload() {
        signInTo(slug, tenantId, "Ilkka", AppRoles.INSTALLER);
        open();
        _assertNone(Button.class, spec -> spec.withId("device-configure"));

        _click(_get(Button.class, spec -> spec.withId("device-ping")));

        awaitUi(() -> said().startsWith("Ping sent"));
        DeviceCommand ping = rows().get(0);
        assertThat(ping.tsmId()).isEqualTo(1600);
        assertThat(state(0)).isEqualTo("SENT");

        answer(ping, 36);

        awaitUi(() -> state(0).equals("CONFIRMED"));
    }

    @Test
    void an_echo_sends_the_browser_only_the_row_of_the_command_it_answered() {
        signInTo(slug, tenantId, "Ilkka", AppRoles.INSTALLER);
        open();
        press("device-identify", "LED blink sent");
        press("device-ping", "Ping sent");
        DeviceCommand ping = rows().get(0);
        List<DataChangeEvent<?>> changes = new CopyOnWriteArrayList<>();
        grid().getDataProvider().addDataProviderListener(changes::add);

        answer(ping, 36);

        awaitUi(() -> state(0).equals("CONFIRMED"));
        assertThat(state(1)).isEqualTo("SENT");
        assertThat(changes)
                .as("the answered row refreshed, the grid not reset")
                .isNotEmpty()
                .allSatisfy(change -> assertThat(change)
                        .isInstanceOfSatisfying(
                                DataChangeEvent.DataRefreshEvent.class,
                                refresh -> assertThat(((DeviceCommand) refresh.getItem()).id())
                                        .isEqualTo(ping.id())));
    }

    @Test
    void a_command_thingsee_refused_is_the_only_one_with_a_retry_and_an_installer_retries_it() {
        when(thingsee.sendCommands(eq(STACK), anyString(), any()))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "Try later", null))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        signInTo(slug, tenantId, "Ilkka", AppRoles.INSTALLER);
        open();
        press("device-ping", "Thingsee did not take it");
        press("device-identify", "LED blink sent");
        assertThat(state(1)).isEqualTo("FAILED");
        assertThat(retryRenderer().createComponent(rows().get(0)))
                .as("no retry for a command sent")
                .isNull();

        _click((Button) GridKt._getCellComponent(grid(), 1, "retry"));

        awaitUi(() -> said().startsWith("Sent again"));
        assertThat(state(1)).isEqualTo("SENT");
    }

    @Test
    void the_page_shows_what_was_asked_beside_what_the_device_reports_and_marks_the_drift_until_they_agree() {
        signInTo(slug, tenantId, "Aino", AppRoles.ADMIN);
        DeviceCommand first = commands.configure(TUID, PIR, Map.of("threshold", 60));
        open();
        assertThat(drifts()).as("nothing reported yet").isTrue();

        answer(first, 31, Map.of("threshold", 80, "enableLed", 0, "mode", 0, "passiveReportInterval", 3600));

        awaitUi(() -> text("config-13200-threshold").equals("80"));
        Span asked = _get(Span.class, spec -> spec.withId("desired-13200-threshold"));
        assertThat(asked.getText()).contains("60");
        assertThat(asked.hasClassName("config-differs")).isTrue();
        assertThat(drifts()).isTrue();

        DeviceCommand second = commands.configure(TUID, PIR, Map.of("threshold", 80));
        answer(second, 31, Map.of("threshold", 80, "enableLed", 0, "mode", 0, "passiveReportInterval", 3600));

        awaitUi(() -> !drifts());
        assertThat(_get(Span.class, spec -> spec.withId("desired-13200-threshold")))
                .as("the same card, its texts changed in place")
                .isSameAs(asked);
        assertThat(asked.getText()).contains("80");
        assertThat(asked.hasClassName("config-differs")).isFalse();
    }

    @Test
    void an_installer_blinks_the_led_to_find_the_sensor() {
        signInTo(slug, tenantId, "Ilkka", AppRoles.INSTALLER);
        open();

        press("device-identify", "LED blink sent");

        assertThat(rows().get(0).request()).containsEntry("profileId", 1);
    }

    @Test
    void a_viewer_reads_the_commands_but_sends_none() {
        signInTo(slug, tenantId, "Veera", AppRoles.VIEWER);
        open();

        _get(Grid.class, spec -> spec.withId("device-commands"));
        _assertNone(Button.class, spec -> spec.withId("device-ping"));
        _assertNone(Button.class, spec -> spec.withId("device-identify"));
        _assertNone(Button.class, spec -> spec.withId("device-configure"));
    }

    @Test
    void a_report_of_the_device_does_not_read_its_commands_again() {
        signInTo(slug, tenantId, "Veera", AppRoles.VIEWER);
        open();
        commandMadeElsewhere();
        jdbc.sql("UPDATE device SET battery_level = 42 WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .update();

        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(TUID)));

        awaitUi(() -> _get(Span.class, spec -> spec.withId("device-battery"))
                .getText()
                .equals("42 %"));
        assertThat(rows())
                .as("the page showed the report without reading the commands")
                .isEmpty();
    }

    @Test
    void a_change_of_its_commands_on_another_node_shows_without_a_reload() {
        signInTo(slug, tenantId, "Veera", AppRoles.VIEWER);
        open();
        commandMadeElsewhere();

        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(TUID), true, true));

        awaitUi(() -> rows().size() == 1);
    }

    /** A command of the device that the page has not heard of yet. */
    private void commandMadeElsewhere() {
        jdbc.sql("INSERT INTO device_command (tenant_id, tuid, tsm_id, tsm_ev, transaction_id, state, request,"
                        + " created_by, created_by_name, created_at, sent_at, updated_at) VALUES (?, ?, 1600, 35,"
                        + " nextval('device_command_transaction_id'), 'SENT', '{}', 'other', 'Olli', ?, ?, ?)")
                .params(
                        tenantId,
                        TUID,
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()))
                .update();
    }

    private void answer(DeviceCommand command, int tsmEv) {
        answer(command, tsmEv, Map.of());
    }

    /** The device's answer to the command, with these values of its message besides the usual fields. */
    private void answer(DeviceCommand command, int tsmEv, Map<String, Object> values) {
        Map<String, Object> fields = new HashMap<>(values);
        fields.putAll(Map.of(
                "tsmId",
                command.tsmId(),
                "tsmEv",
                tsmEv,
                "tsmTs",
                // Each answer a second after the one before: a message of the same time would be a duplicate.
                Instant.now().getEpochSecond() + answers++,
                "tsmTuid",
                TUID,
                "deploymentGroupId",
                "prfi00office",
                "transactionId",
                command.transactionId(),
                "result",
                0));
        var message = new ThingseeMessage(fields);
        transaction.executeWithoutResult(status -> {
            try {
                ingest.ingest(new ThingseeMessagesReceived(
                        slug,
                        List.of(new ThingseeMessageReceived(
                                slug,
                                "cloudext/json/pr/fi/prfi00office/" + TUID + "/" + command.tsmId(),
                                "prfi00office",
                                message,
                                new ObjectMapper().writeValueAsString(fields),
                                Instant.now()))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Clicks the button and waits until the page says the command went out. */
    private void press(String button, String saidStart) {
        _click(_get(Button.class, spec -> spec.withId(button)));
        awaitUi(() -> said().startsWith(saidStart));
    }

    private void open() {
        UI.getCurrent().navigate("devices/" + TUID);
    }

    /** Whether the page shows its drift badge. */
    private static boolean drifts() {
        return !LocatorJ._find(Span.class, spec -> spec.withId("device-drift")).isEmpty();
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static String said() {
        return _get(Paragraph.class, spec -> spec.withId("device-command-said")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<DeviceCommand> grid() {
        return _get(Grid.class, spec -> spec.withId("device-commands"));
    }

    private static List<DeviceCommand> rows() {
        return GridKt._findAll(grid());
    }

    @SuppressWarnings("unchecked")
    private static ComponentRenderer<?, DeviceCommand> retryRenderer() {
        return (ComponentRenderer<?, DeviceCommand>)
                grid().getColumnByKey("retry").getRenderer();
    }

    /** The state the row's badge has in the browser: the value its template puts into {@code data-state}. */
    @SuppressWarnings("unchecked")
    private static String state(int row) {
        Grid<DeviceCommand> grid = grid();
        var badge = (LitRenderer<DeviceCommand>) grid.getColumnByKey("state").getRenderer();
        return String.valueOf(badge.getValueProviders().get("state").apply(GridKt._get(grid, row)));
    }
}
