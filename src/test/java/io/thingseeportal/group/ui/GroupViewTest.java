package io.thingseeportal.group.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridNoneSelectionModel;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.GroupDevice;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupChange;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The group page: its devices, the changes admins make to them and to the group, and its history. */
class GroupViewTest extends MockedThingseeTest {

    static final String OFFICE = "prfi00office";
    static final String LAB = "prfi00lab";

    @Autowired
    GroupService groups;

    long tenantId;

    @BeforeEach
    void anOfficeWithThreeDevices() {
        tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, OFFICE);
        TestData.group(jdbc, tenantId, LAB);
        TestData.device(jdbc, tenantId, "TSPR04A", OFFICE, "presence", 87, Instant.parse("2026-11-20T10:00:00Z"));
        TestData.device(jdbc, tenantId, "TSPR04B", OFFICE);
        TestData.device(jdbc, tenantId, "TSPR04C", OFFICE);
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        signIn("Aino Virtanen", tenantId, AppRoles.ADMIN);
    }

    @Test
    void the_page_shows_the_groups_facts_and_lists_its_devices() {
        open(OFFICE);

        assertThat(_get(H2.class).getText()).isEqualTo(OFFICE);
        assertThat(text("group-environment")).isEqualTo("Environment: Production");
        assertThat(text("group-country")).isEqualTo("Country: Finland");
        assertThat(text("group-device-count")).isEqualTo("Devices: 3");
        assertThat(GridKt._size(devicesGrid())).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(devicesGrid(), 0))
                .startsWith("TSPR04A", "presence", "", "New")
                .endsWith("87 %");
    }

    @Test
    void an_invalid_or_unknown_id_or_another_tenants_group_says_there_is_no_such_group() {
        TestData.group(jdbc, TestData.tenant(jdbc, "Borealis"), "prse00theirs");

        for (String id : List.of("NOT-AN-ID", "prfi00nosuch", "prse00theirs")) {
            open(id);
            assertThat(_get(Paragraph.class).getText()).isEqualTo("Your organisation has no group \"" + id + "\".");
            _assertNone(Grid.class);
        }
    }

    @Test
    void a_viewer_sees_the_devices_and_history_but_no_actions() {
        signIn("Veera", tenantId, AppRoles.VIEWER);
        open(OFFICE);

        assertThat(GridKt._size(devicesGrid())).isEqualTo(3);
        assertThat(devicesGrid().getSelectionModel()).isInstanceOf(GridNoneSelectionModel.class);
        for (String action : List.of("move-devices", "remove-devices", "rename-group", "delete-group")) {
            _assertNone(Button.class, spec -> spec.withId(action));
        }
        _get(Grid.class, spec -> spec.withId("group-history"));
    }

    @Test
    void an_invalid_new_id_is_explained_as_it_is_typed_and_never_sent() {
        open(OFFICE);
        _click(_get(Button.class, spec -> spec.withId("rename-group")));
        TextField newId = _get(TextField.class, spec -> spec.withId("new-group-id"));

        _setValue(newId, "prfi00Office");
        assertThat(newId.isInvalid()).isTrue();
        assertThat(newId.getErrorMessage()).isEqualTo("A group id is written in lower case only.");

        _setValue(newId, "przz00office");
        assertThat(newId.getErrorMessage())
                .isEqualTo("\"zz\" is not an ISO 3166-1 country code; use xx for no specific country.");
        _click(_get(Button.class, spec -> spec.withId("confirm-rename")));

        verify(thingsee, never()).renameGroup(any(), anyString(), anyString());
        assertThat(newId.getValue()).isEqualTo("przz00office");
    }

    @Test
    void a_renamed_group_opens_under_its_new_id() {
        open(OFFICE);
        _click(_get(Button.class, spec -> spec.withId("rename-group")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-group-id")), "prfi00annex");
        _click(_get(Button.class, spec -> spec.withId("confirm-rename")));

        awaitUi(() -> _get(H2.class).getText().equals("prfi00annex"));
        verify(thingsee).renameGroup(STACK, OFFICE, "prfi00annex");
        assertThat(text("group-device-count")).isEqualTo("Devices: 3");
    }

    @Test
    void a_rename_thingsee_refuses_shows_the_api_message_and_keeps_the_input() {
        when(thingsee.renameGroup(STACK, OFFICE, "prfi00annex"))
                .thenThrow(new ThingseeException.InvalidRequest(400, "Bad Request", "Group id is reserved"));
        open(OFFICE);
        _click(_get(Button.class, spec -> spec.withId("rename-group")));
        TextField newId = _get(TextField.class, spec -> spec.withId("new-group-id"));
        _setValue(newId, "prfi00annex");
        _click(_get(Button.class, spec -> spec.withId("confirm-rename")));

        awaitUi(newId::isInvalid);
        assertThat(newId.getErrorMessage()).isEqualTo("Thingsee: Group id is reserved");
        assertThat(newId.getValue()).isEqualTo("prfi00annex");
        assertThat(_get(H2.class).getText()).isEqualTo(OFFICE);
    }

    @Test
    void the_delete_confirmation_states_how_many_devices_it_affects() {
        open(OFFICE);
        _click(_get(Button.class, spec -> spec.withId("delete-group")));

        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getHeader(confirm)).isEqualTo("Delete prfi00office?");
        assertThat(ConfirmDialogKt._getText(confirm)).startsWith("Devices affected: 3. Each is first set uninstalled");
        verify(thingsee, never()).deleteGroup(any(), anyString());
    }

    @Test
    void a_confirmed_delete_says_the_group_is_gone() {
        open(OFFICE);
        _click(_get(Button.class, spec -> spec.withId("delete-group")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        awaitUi(() -> !_find(Paragraph.class).isEmpty());
        assertThat(_get(Paragraph.class).getText())
                .isEqualTo("Group prfi00office was deleted. Its devices are in unassigned.");
        verify(thingsee).deleteGroup(STACK, OFFICE);
    }

    @Test
    void a_move_reports_each_failed_device_with_the_api_message_and_retry_moves_exactly_those() {
        when(thingsee.setDeviceGroup(STACK, "TSPR04B", LAB))
                .thenThrow(new ThingseeException.Unavailable(
                        503, "Service Unavailable", "Service temporarily unavailable", null))
                .thenReturn(new GroupAssignment("TSPR04B", LAB));
        open(OFFICE);
        selectAllDevices();
        _click(_get(Button.class, spec -> spec.withId("move-devices")));
        _setValue(targetGroup(), groups.find(GroupId.parse(LAB)).orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("confirm-move")));

        awaitUi(() -> !_find(Button.class, spec -> spec.withId("retry-failed")).isEmpty());
        assertThat(text("batch-summary")).isEqualTo("Moved 2 of 3 devices; 1 failed.");
        assertThat(text("batch-count")).isEqualTo("3 of 3 devices done, 1 failed");
        Grid<?> failures = _get(Grid.class, spec -> spec.withId("batch-failures"));
        assertThat(GridKt._size(failures)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(failures, 0))
                .containsExactly("TSPR04B", "Thingsee: Service temporarily unavailable");
        assertThat(GridKt._size(devicesGrid())).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withId("retry-failed")));

        awaitUi(() -> text("batch-summary").equals("Moved 1 of 1 devices; 0 failed."));
        verify(thingsee, times(1)).setDeviceGroup(STACK, "TSPR04A", LAB);
        verify(thingsee, times(2)).setDeviceGroup(STACK, "TSPR04B", LAB);
        assertThat(GridKt._size(devicesGrid())).isZero();
        assertThat(failures.isVisible()).isFalse();
        assertThat(text("group-device-count")).isEqualTo("Devices: 0");
    }

    @Test
    void moving_to_the_same_group_is_explained_and_nothing_moves() {
        open(OFFICE);
        selectAllDevices();
        _click(_get(Button.class, spec -> spec.withId("move-devices")));
        _setValue(targetGroup(), groups.find(GroupId.parse(OFFICE)).orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("confirm-move")));

        assertThat(targetGroup().getErrorMessage())
                .isEqualTo("The devices are in this group already; choose another group.");
        verify(thingsee, never()).setDeviceGroup(any(), anyString(), anyString());
    }

    @Test
    void the_history_shows_who_did_what_newest_first() {
        when(thingsee.createGroup(any(), anyString(), any())).thenReturn(new ThingseeGroup("prfi00new", null));
        groups.create(GroupId.parse("prfi00new"), null);
        TestData.device(jdbc, tenantId, "TSPR04N", "prfi00new");
        open("prfi00new");
        selectAllDevices();
        _click(_get(Button.class, spec -> spec.withId("remove-devices")));
        awaitUi(() -> text("batch-summary").startsWith("Moved 1 of 1"));

        Grid<GroupChange> history = _get(Grid.class, spec -> spec.withId("group-history"));
        assertThat(GridKt._size(history)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(history, 0)).endsWith("Aino Virtanen", "1 devices moved to unassigned");
        assertThat(GridKt._getFormattedRow(history, 1)).endsWith("Aino Virtanen", "Created");
    }

    private static void open(String groupId) {
        UI.getCurrent().navigate("groups/" + groupId);
    }

    @SuppressWarnings("unchecked")
    private static Grid<GroupDevice> devicesGrid() {
        return _get(Grid.class, spec -> spec.withId("group-devices"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DeploymentGroup> targetGroup() {
        return _get(ComboBox.class, spec -> spec.withId("target-group"));
    }

    private static void selectAllDevices() {
        Grid<GroupDevice> grid = devicesGrid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            grid.select(GridKt._get(grid, row));
        }
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
