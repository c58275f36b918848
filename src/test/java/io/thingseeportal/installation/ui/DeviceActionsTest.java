package io.thingseeportal.installation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The installation's actions on a device's page: uninstall, quarantine, retire and replace, and who sees them. */
class DeviceActionsTest extends MockedThingseeTest {

    static final String TUID = "TSPR04EZU31901021";
    static final String OFFICE = "prfi00office";

    long tenantId;
    long lobby;

    @BeforeEach
    void anInstalledSensorInTheLobby() {
        tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, OFFICE);
        long site = TestData.asset(jdbc, tenantId, null, "SITE", "Oulu HQ");
        lobby = TestData.asset(jdbc, tenantId, site, "SPACE", "Lobby");
        TestData.device(jdbc, tenantId, TUID, OFFICE);
        jdbc.sql("UPDATE device SET installation_status = 'installed', asset_id = ?, asset_name = 'Oulu HQ › Lobby'"
                        + " WHERE tenant_id = ? AND tuid = ?")
                .params(lobby, tenantId, TUID)
                .update();
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.setInstallationStatus(eq(STACK), eq(TUID), any()))
                .thenAnswer(call -> new InstallationRecord(TUID, call.getArgument(2), null));
        when(thingsee.setDeviceGroup(eq(STACK), eq(TUID), anyString()))
                .thenAnswer(call -> new GroupAssignment(TUID, call.getArgument(2)));
        signInTo("acme", tenantId, "Ilkka", AppRoles.INSTALLER);
    }

    @Test
    void uninstalling_moves_the_sensor_to_unassigned_and_uninstalled_and_off_its_place() {
        open();
        _click(button("device-uninstall"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getHeader(confirm)).isEqualTo("Uninstall " + TUID + "?");
        ConfirmDialogKt._fireConfirm(confirm);

        awaitUi(() -> said().startsWith("Uninstalled"));
        var calls = inOrder(thingsee);
        calls.verify(thingsee).setDeviceGroup(STACK, TUID, GroupAssignment.UNASSIGNED);
        calls.verify(thingsee).setInstallationStatus(STACK, TUID, InstallationStatus.UNINSTALLED);
        assertThat(device())
                .containsEntry("installation_status", "uninstalled")
                .containsEntry("group_id", null)
                .containsEntry("asset_id", null);
        assertThat(history()).containsEntry("action", "UNINSTALLED").containsEntry("asset_path", "Oulu HQ › Lobby");
        _assertNone(Button.class, spec -> spec.withId("device-uninstall"));
        _get(Button.class, spec -> spec.withId("device-retire"));
    }

    @Test
    void quarantine_keeps_the_sensor_at_its_place_and_in_its_group() {
        open();
        _click(button("device-quarantine"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        awaitUi(() -> said().startsWith("In quarantine"));
        verify(thingsee).setInstallationStatus(STACK, TUID, InstallationStatus.QUARANTINE);
        verify(thingsee, never()).setDeviceGroup(any(), anyString(), anyString());
        assertThat(device())
                .containsEntry("installation_status", "quarantine")
                .containsEntry("group_id", OFFICE)
                .containsEntry("asset_id", lobby);
        assertThat(history()).containsEntry("action", "QUARANTINED");
    }

    @Test
    void retiring_takes_the_sensor_out_of_service() {
        open();
        _click(button("device-retire"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        awaitUi(() -> said().startsWith("Retired"));
        verify(thingsee).setInstallationStatus(STACK, TUID, InstallationStatus.RETIRED);
        assertThat(device()).containsEntry("installation_status", "retired").containsEntry("asset_id", null);
        assertThat(_find(Button.class, spec -> spec.withId("device-retire"))).isEmpty();
    }

    @Test
    void a_change_thingsee_refuses_says_why_and_changes_nothing_in_the_portal() {
        when(thingsee.setInstallationStatus(STACK, TUID, InstallationStatus.UNINSTALLED))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "", null));
        open();
        _click(button("device-uninstall"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        awaitUi(() -> said().startsWith("Thingsee did not answer"));
        assertThat(device()).containsEntry("installation_status", "installed").containsEntry("asset_id", lobby);
        assertThat(jdbc.sql("SELECT count(*) FROM installation_event WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(button("device-uninstall").isEnabled()).isTrue();
    }

    @Test
    void replacing_opens_a_work_order_that_waits_for_the_new_sensor() {
        when(thingsee.getDevice(STACK, TUID)).thenReturn(new DeviceInfo(TUID, 40, null, null, null, null));
        when(thingsee.getInstallationStatus(STACK, TUID))
                .thenReturn(Optional.of(new InstallationRecord(TUID, InstallationStatus.INSTALLED, OFFICE)));
        when(thingsee.getDeviceGroup(STACK, TUID)).thenReturn(new GroupAssignment(TUID, OFFICE));
        open();

        _click(button("device-replace"));

        awaitUi(() -> !_find(Button.class, spec -> spec.withId("work-scan-replacement"))
                .isEmpty());
        assertThat(_get(Paragraph.class, spec -> spec.withId("work-step")).getText())
                .isEqualTo("Replacement");
    }

    @Test
    void a_viewer_sees_no_installation_actions() {
        signInTo("acme", tenantId, "Veera", AppRoles.VIEWER);
        open();

        _assertNone(Button.class, spec -> spec.withId("device-uninstall"));
        _assertNone(Button.class, spec -> spec.withId("device-replace"));
    }

    private void open() {
        UI.getCurrent().navigate("devices/" + TUID);
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String said() {
        return _get(Paragraph.class, spec -> spec.withId("device-action-said")).getText();
    }

    private Map<String, Object> device() {
        return jdbc.sql("SELECT installation_status, group_id, asset_id FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .query()
                .singleRow();
    }

    private Map<String, Object> history() {
        return jdbc.sql("SELECT action, asset_path, done_by_name FROM installation_event WHERE tenant_id = ?")
                .param(tenantId)
                .query()
                .singleRow();
    }
}
