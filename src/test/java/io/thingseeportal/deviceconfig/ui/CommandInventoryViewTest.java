package io.thingseeportal.deviceconfig.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataKeyMapper;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceMessageIngest;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.deviceconfig.CommandState;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command inventory: the tenant's commands newest first, each filter, the filter in the address, the CSV export,
 * a command's details, and a state that follows the device's echo live.
 */
class CommandInventoryViewTest extends MockedThingseeTest {

    static final String PRESENCE = "TSPR04EZU31901021";
    static final String OTHER = "TSPR04EZU31909999";
    static final int PIR = 13200;

    @Autowired
    DeviceCommandService commands;

    @Autowired
    DeviceMessageIngest ingest;

    @Autowired
    TransactionTemplate transaction;

    long tenantId;
    String slug;
    long transactionIds = 1_000_000;

    @BeforeEach
    void threeCommandsOfTheTenantAndOneOfAnother() {
        tenantId = TestData.tenant(jdbc, "Acme");
        slug = TestData.slug(jdbc, tenantId);
        command(tenantId, PRESENCE, "CONFIRMED", "prfi00office", "aino", "Aino", "2026-11-30T08:00:00Z", null, null);
        command(
                tenantId,
                PRESENCE,
                "MISMATCH",
                "prfi00office",
                "ilkka",
                "Ilkka",
                "2026-12-01T09:00:00Z",
                "{\"threshold\":80,\"mode\":0}",
                "[{\"field\":\"threshold\",\"requested\":60,\"echoed\":80}]");
        command(tenantId, OTHER, "FAILED", "prfi00store", "aino", "Aino", "2026-12-02T10:00:00Z", null, null);
        jdbc.sql("UPDATE device_command SET failure = 'Service Unavailable: Try later' WHERE state = 'FAILED'")
                .update();
        command(
                TestData.tenant(jdbc, "Borealis"),
                PRESENCE,
                "CONFIRMED",
                "prfi00office",
                "bo",
                "Bo",
                "2026-12-02T11:00:00Z",
                null,
                null);
        signInTo(slug, tenantId, "Aino", AppRoles.ADMIN);
    }

    @Test
    void the_inventory_lists_the_tenants_commands_newest_first_and_no_other_tenants() {
        open();

        assertThat(states()).containsExactly(CommandState.FAILED, CommandState.MISMATCH, CommandState.CONFIRMED);
        assertThat(GridKt._getFormattedRow(grid(), 1)).contains("Motion sensor (13200)", "prfi00office", "Ilkka");
        assertThat(GridKt._getCellComponent(grid(), 1, "device")).isInstanceOfSatisfying(Anchor.class, link -> {
            assertThat(link.getHref()).isEqualTo("devices/" + PRESENCE);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_state_filter_shows_the_chosen_states() {
        open();

        _setValue(
                _get(MultiSelectComboBox.class, spec -> spec.withId("commands-state")),
                Set.of(CommandState.MISMATCH, CommandState.FAILED));

        assertThat(states()).containsExactly(CommandState.FAILED, CommandState.MISMATCH);
    }

    @Test
    void the_device_filter_matches_part_of_the_tuid_in_any_case() {
        open();

        _setValue(_get(TextField.class, spec -> spec.withId("commands-device")), "u31909");

        assertThat(tuids()).containsExactly(OTHER);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_group_and_sender_filters_offer_the_tenants_own() {
        open();
        ComboBox<String> group = _get(ComboBox.class, spec -> spec.withId("commands-group"));
        ComboBox<String> by = _get(ComboBox.class, spec -> spec.withId("commands-by"));
        assertThat(group.getListDataView().getItems()).containsExactly("prfi00office", "prfi00store");
        assertThat(by.getListDataView().getItems()).containsExactlyInAnyOrder("aino", "ilkka");

        _setValue(group, "prfi00office");
        assertThat(states()).containsExactly(CommandState.MISMATCH, CommandState.CONFIRMED);
        _setValue(by, "aino");
        assertThat(states()).containsExactly(CommandState.CONFIRMED);
    }

    @Test
    void the_days_filter_takes_the_commands_made_from_the_first_to_the_last_day() {
        open();

        _setValue(_get(DatePicker.class, spec -> spec.withId("commands-from")), localDay("2026-12-01T09:00:00Z"));
        assertThat(states()).containsExactly(CommandState.FAILED, CommandState.MISMATCH);
        _setValue(_get(DatePicker.class, spec -> spec.withId("commands-to")), localDay("2026-12-01T09:00:00Z"));
        assertThat(states()).containsExactly(CommandState.MISMATCH);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_shared_link_opens_the_inventory_filtered_and_a_filter_change_updates_the_link() {
        UI.getCurrent()
                .navigate(
                        "commands",
                        QueryParameters.fromString("state=MISMATCH&state=CONFIRMED&group=prfi00office&by=ilkka"));

        assertThat(states()).containsExactly(CommandState.MISMATCH);
        assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("commands-state"))
                        .getValue())
                .isEqualTo(Set.of(CommandState.MISMATCH, CommandState.CONFIRMED));

        _setValue(_get(ComboBox.class, spec -> spec.withId("commands-by")), null);
        _setValue(_get(TextField.class, spec -> spec.withId("commands-device")), "EZU3190");
        assertThat(view().location().getPath()).isEqualTo("commands");
        assertThat(view().location().getQueryParameters().getParameters())
                .isEqualTo(Map.of(
                        "state", List.of("CONFIRMED", "MISMATCH"),
                        "tuid", List.of("EZU3190"),
                        "group", List.of("prfi00office")));
    }

    @Test
    void a_link_from_a_rollout_shows_only_its_commands_and_says_so_until_it_is_widened() {
        jdbc.sql("UPDATE device_command SET job_id = 77 WHERE tenant_id = ? AND state = 'MISMATCH'")
                .param(tenantId)
                .update();

        UI.getCurrent().navigate("commands", QueryParameters.fromString("job=77"));

        assertThat(states()).containsExactly(CommandState.MISMATCH);
        Button job = _get(Button.class, spec -> spec.withId("commands-job"));
        assertThat(job.getText()).isEqualTo("Rollout 77");
        _click(job);
        assertThat(states()).containsExactly(CommandState.FAILED, CommandState.MISMATCH, CommandState.CONFIRMED);
        assertThat(job.isVisible()).isFalse();
        assertThat(view().location().getQueryParameters().getParameters()).doesNotContainKey("job");
    }

    @Test
    @SuppressWarnings("unchecked")
    void export_csv_has_the_filtered_commands_in_local_time_with_request_echo_and_differences() throws Exception {
        open();
        _setValue(
                _get(MultiSelectComboBox.class, spec -> spec.withId("commands-state")), Set.of(CommandState.MISMATCH));

        String[] lines = export().split("\r\n", -1);

        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .isEqualTo("created,sent,echoed,tuid,group,message_id,state,transaction_id,by,request,echo,"
                        + "differences,failure");
        String created = LocalDateTime.ofInstant(Instant.parse("2026-12-01T09:00:00Z"), ZoneId.systemDefault())
                .toString();
        assertThat(lines[1])
                .startsWith(created + "," + created + "," + created + "," + PRESENCE + ",prfi00office,13200,mismatch,")
                .endsWith(",Ilkka,\"{\"\"threshold\"\":60}\",\"{\"\"threshold\"\":80,\"\"mode\"\":0}\","
                        + "\"[{\"\"field\"\":\"\"threshold\"\",\"\"requested\"\":60,\"\"echoed\"\":80}]\",");
        assertThat(lines[2]).isEmpty();
    }

    @Test
    void a_command_opens_with_its_request_echo_and_differences() {
        open();

        GridKt._clickItem(grid(), 1);

        _get(Dialog.class, spec -> spec.withId("command-details"));
        assertThat(_get(Pre.class, spec -> spec.withId("command-details-request"))
                        .getText())
                .contains("\"threshold\" : 60");
        assertThat(_get(Pre.class, spec -> spec.withId("command-details-echo")).getText())
                .contains("\"threshold\" : 80", "\"mode\" : 0");
        @SuppressWarnings("unchecked")
        Grid<Object> differences = _get(Grid.class, spec -> spec.withId("command-details-differences"));
        assertThat(GridKt._size(differences)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(differences, 0)).containsExactly("Sensitivity threshold", "60", "80");
        _assertNone(Paragraph.class, spec -> spec.withId("command-details-failure"));
    }

    @Test
    void a_failed_command_opens_with_thingsees_words_and_no_echo() {
        open();

        GridKt._clickItem(grid(), 0);

        assertThat(_get(Paragraph.class, spec -> spec.withId("command-details-failure"))
                        .getText())
                .contains("Try later");
        assertThat(_get(Paragraph.class, spec -> spec.withId("command-details-echo"))
                        .getText())
                .isEqualTo("No echo yet.");
        _assertNone(Grid.class, spec -> spec.withId("command-details-differences"));
    }

    @Test
    void a_viewer_and_an_installer_read_the_inventory() {
        signInTo(slug, tenantId, "Veera", AppRoles.VIEWER);
        open();
        assertThat(GridKt._size(grid())).isEqualTo(3);

        signInTo(slug, tenantId, "Ilkka", AppRoles.INSTALLER);
        open();
        assertThat(GridKt._size(grid())).isEqualTo(3);
    }

    @Test
    void on_a_phone_each_command_is_a_card() {
        open();

        view().fitWidth(360);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("card");
        view().fitWidth(1280);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .doesNotContain("card")
                .contains("time", "device", "message", "state", "group", "by", "outcome");
    }

    @Test
    void an_echo_confirms_a_shown_command_without_reopening_the_inventory() {
        TestData.device(jdbc, tenantId, PRESENCE, "prfi00office");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.sendCommands(eq(STACK), eq(PRESENCE), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        DeviceCommand sent = commands.configure(PRESENCE, PIR, Map.of("threshold", 200));
        open();
        showRows();
        assertThat(shown(sent.id()).state()).isEqualTo(CommandState.SENT);

        echo(sent.transactionId(), 200);

        awaitUi(() -> shown(sent.id()).state() == CommandState.CONFIRMED);
    }

    @Test
    void a_report_of_a_device_does_not_read_its_shown_commands_again() {
        open();
        showRows();
        long failed = jdbc.sql("SELECT id FROM device_command WHERE tenant_id = ? AND state = 'FAILED'")
                .param(tenantId)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE device_command SET state = 'CONFIRMED' WHERE id = ?")
                .param(failed)
                .update();

        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(OTHER)));
        await().pollInSameThread()
                .during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(3))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return true;
                });

        assertThat(shown(failed).state()).isEqualTo(CommandState.FAILED);
    }

    @Test
    void the_view_subscribes_to_live_updates_while_attached_and_unsubscribes_when_it_detaches() {
        int before = subscriptions();
        open();
        assertThat(subscriptions()).isEqualTo(before + 1);

        UI.getCurrent().navigate("installations");

        assertThat(subscriptions()).isEqualTo(before);
    }

    /** DeviceUpdates' live subscriptions; its count is package-private to the device feature. */
    private int subscriptions() {
        try {
            var updates = context.getBean(io.thingseeportal.device.DeviceUpdates.class);
            var count = io.thingseeportal.device.DeviceUpdates.class.getDeclaredMethod("subscriptionCount");
            count.setAccessible(true);
            return (int) count.invoke(updates);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void open() {
        UI.getCurrent().navigate("commands");
    }

    private static CommandInventoryView view() {
        return _get(CommandInventoryView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<DeviceCommand> grid() {
        return _get(Grid.class, spec -> spec.withId("commands-grid"));
    }

    private static List<CommandState> states() {
        return GridKt._fetch(grid(), 0, 100).stream().map(DeviceCommand::state).toList();
    }

    private static List<String> tuids() {
        return GridKt._fetch(grid(), 0, 100).stream().map(DeviceCommand::tuid).toList();
    }

    private static LocalDate localDay(String instant) {
        return LocalDate.ofInstant(Instant.parse(instant), ZoneId.systemDefault());
    }

    /** As the browser does: asks for the first rows, which the grid then holds. */
    private static void showRows() {
        grid().getDataCommunicator().setViewportRange(0, 50);
        MockVaadin.clientRoundtrip();
    }

    /** The row the grid holds now for the command, not a fresh read of the database. */
    private static DeviceCommand shown(long id) {
        DataKeyMapper<DeviceCommand> keys = grid().getDataCommunicator().getKeyMapper();
        DeviceCommand probe = probe(id);
        assertThat(keys.has(probe)).isTrue();
        return keys.get(keys.key(probe));
    }

    private static DeviceCommand probe(long id) {
        return new DeviceCommand(
                id,
                PRESENCE,
                PIR,
                30,
                0,
                CommandState.QUEUED,
                Map.of(),
                null,
                null,
                "",
                "",
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    /** What the "Export CSV" link downloads, as the session serves it to the browser. */
    private static String export() throws Exception {
        String href = _get(Anchor.class, spec -> spec.withId("commands-export")).getHref();
        var resource = VaadinSession.getCurrent()
                .getResourceRegistry()
                .getResource(URI.create(href))
                .orElseThrow();
        var handler =
                (DownloadHandler) ((StreamResourceRegistry.ElementStreamResource) resource).getElementRequestHandler();
        var response = Mockito.mock(VaadinResponse.class);
        var body = new ByteArrayOutputStream();
        Mockito.when(response.getOutputStream()).thenReturn(body);
        handler.handleDownloadRequest(new DownloadEvent(
                VaadinRequest.getCurrent(),
                response,
                VaadinSession.getCurrent(),
                _get(Anchor.class, spec -> spec.withId("commands-export")).getElement()));
        return body.toString(StandardCharsets.UTF_8);
    }

    private void command(
            long tenant,
            String tuid,
            String state,
            String group,
            String by,
            String name,
            String at,
            String echo,
            String differences) {
        Timestamp time = Timestamp.from(Instant.parse(at));
        boolean echoed = echo != null || "CONFIRMED".equals(state);
        jdbc.sql("INSERT INTO device_command (tenant_id, tuid, tsm_id, tsm_ev, transaction_id, state, request,"
                        + " group_id, created_by, created_by_name, created_at, sent_at, echoed_at, echo, differences,"
                        + " updated_at) VALUES (?, ?, ?, 30, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenant,
                        tuid,
                        PIR,
                        transactionIds++,
                        state,
                        "{\"threshold\":60}",
                        group,
                        by,
                        name,
                        time,
                        time,
                        echoed ? time : null,
                        echoed ? (echo == null ? "{\"threshold\":60}" : echo) : null,
                        differences,
                        time)
                .update();
    }

    private void echo(long transactionId, int threshold) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("tsmId", PIR);
        fields.put("tsmEv", 31);
        fields.put("tsmTs", Instant.now().getEpochSecond());
        fields.put("tsmTuid", PRESENCE);
        fields.put("deploymentGroupId", "prfi00office");
        fields.put("transactionId", transactionId);
        fields.put("threshold", threshold);
        var message = new ThingseeMessage(fields);
        try {
            String json = new ObjectMapper().writeValueAsString(fields);
            var batch = new ThingseeMessagesReceived(
                    slug,
                    List.of(new ThingseeMessageReceived(
                            slug,
                            "cloudext/json/pr/fi/prfi00office/" + PRESENCE + "/" + PIR,
                            "prfi00office",
                            message,
                            json,
                            Instant.now())));
            transaction.executeWithoutResult(status -> ingest.ingest(batch));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
