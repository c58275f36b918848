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
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.DataChangeEvent;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceMessageIngest;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.sql.Timestamp;
import java.time.Instant;
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

    @Autowired
    DeviceMessageIngest ingest;

    @Autowired
    TransactionTemplate transaction;

    long tenantId;
    String slug;

    @BeforeEach
    void aPresenceSensor() {
        tenantId = TestData.tenant(jdbc, "Acme");
        slug = jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .single();
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
        Map<String, Object> fields = Map.of(
                "tsmId",
                command.tsmId(),
                "tsmEv",
                tsmEv,
                "tsmTs",
                Instant.now().getEpochSecond(),
                "tsmTuid",
                TUID,
                "deploymentGroupId",
                "prfi00office",
                "transactionId",
                command.transactionId(),
                "result",
                0);
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

    private static String state(int row) {
        var cell = (Span) GridKt._getCellComponent(grid(), row, "state");
        return cell.getElement().getAttribute("data-state");
    }
}
