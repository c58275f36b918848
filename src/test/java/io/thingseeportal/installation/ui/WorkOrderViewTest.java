package io.thingseeportal.installation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.asset.Asset;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.installation.DeviceLifecycle;
import io.thingseeportal.installation.LabelReading;
import io.thingseeportal.installation.WorkOrder;
import io.thingseeportal.installation.WorkOrderConfirmation;
import io.thingseeportal.installation.WorkOrderService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The installation work order on the installer's phone: scanned, asset, group, confirm, done and alive; each Thingsee
 * failure kept at its step with a retry that makes only the missing calls; the already-installed and replacement paths;
 * and resuming after the view was closed.
 */
class WorkOrderViewTest extends MockedThingseeTest {

    static final String NEW_SENSOR = "TSPR04EZU31901021";
    static final String SPARE = "TSPR04EZU31901022";
    static final String OFFICE = "prfi00office";
    static final String LAB = "prfi00lab";

    @org.springframework.beans.factory.annotation.Autowired
    DeviceLifecycle lifecycle;

    @org.springframework.beans.factory.annotation.Autowired
    WorkOrderService orders;

    @org.springframework.beans.factory.annotation.Autowired
    WorkOrderConfirmation confirmation;

    long tenantId;
    long lobby;
    long serverRoom;

    @BeforeEach
    void anInstallerWithAnAssetTreeAndTwoGroups() {
        tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, OFFICE);
        TestData.group(jdbc, tenantId, LAB);
        long site = TestData.asset(jdbc, tenantId, null, "SITE", "Oulu HQ");
        long building = TestData.asset(jdbc, tenantId, site, "BUILDING", "Building A");
        long floor = TestData.asset(jdbc, tenantId, building, "FLOOR", "Floor 1");
        lobby = TestData.asset(jdbc, tenantId, floor, "SPACE", "Lobby");
        serverRoom = TestData.asset(jdbc, tenantId, floor, "SPACE", "Server room");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        signInTo("acme", tenantId, "Ilkka", AppRoles.INSTALLER);
        aNewSensor(NEW_SENSOR);
        aNewSensor(SPARE);
    }

    @Test
    void a_new_sensor_is_installed_at_its_asset_in_its_group_and_the_done_screen_offers_the_next_scan() {
        scan(NEW_SENSOR);
        assertThat(text("work-step")).isEqualTo("Step 1 of 4: Place");
        assertThat(text("work-body")).doesNotContain("Already");

        chooseAsset("Oulu HQ › Building A › Floor 1 › Lobby");
        chooseGroup(OFFICE);
        assertThat(text("work-summary"))
                .isEqualTo("Sensor " + NEW_SENSOR + " goes to Oulu HQ › Building A › Floor 1 › Lobby, in group "
                        + OFFICE + ".");
        confirm();

        awaitUi(() -> has("work-done"));
        assertThat(text("work-done"))
                .isEqualTo("Installed " + NEW_SENSOR + " at Oulu HQ › Building A › Floor 1 › Lobby, in group " + OFFICE
                        + ".");
        var calls = inOrder(thingsee);
        calls.verify(thingsee).setInstallationStatus(STACK, NEW_SENSOR, InstallationStatus.INSTALLED);
        calls.verify(thingsee).setDeviceGroup(STACK, NEW_SENSOR, OFFICE);
        assertThat(deviceRow(NEW_SENSOR))
                .containsEntry("installation_status", "installed")
                .containsEntry("group_id", OFFICE)
                .containsEntry("asset_id", lobby)
                .containsEntry("asset_name", "Oulu HQ › Building A › Floor 1 › Lobby");
        _get(Button.class, spec -> spec.withId("work-scan-next"));
        assertThat(jdbc.sql("SELECT action, asset_path, site, group_id, done_by_name FROM installation_event"
                                + " WHERE tenant_id = ?")
                        .param(tenantId)
                        .query()
                        .singleRow())
                .containsEntry("action", "INSTALLED")
                .containsEntry("asset_path", "Oulu HQ › Building A › Floor 1 › Lobby")
                .containsEntry("site", "Oulu HQ")
                .containsEntry("group_id", OFFICE)
                .containsEntry("done_by_name", "Ilkka");
        assertThat(TestData.audit(jdbc, tenantId))
                .containsExactly("INSTALLATION " + NEW_SENSOR
                        + ": installed at Oulu HQ › Building A › Floor 1 › Lobby in " + OFFICE);
    }

    @Test
    void a_sensor_thingsee_does_not_know_says_what_to_do_and_a_retry_asks_again() {
        when(thingsee.getDevice(STACK, NEW_SENSOR))
                .thenThrow(new ThingseeException.NotFound(404, "Not Found", "Thing not found"))
                .thenReturn(new DeviceInfo(NEW_SENSOR, 90, null, null, null, null));

        scan(NEW_SENSOR);
        assertThat(text("work-failure")).startsWith("Thingsee does not know this sensor in your organisation.");
        assertThat(text("work-step")).isEqualTo("Checking the sensor");

        _click(button("work-retry"));
        awaitUi(() -> text("work-step").equals("Step 1 of 4: Place"));
        assertThat(_find(Paragraph.class, spec -> spec.withId("work-failure"))).isEmpty();
        assertThat(text("work-body")).doesNotContain("Thingsee does not know");
    }

    @Test
    void a_failed_installations_call_keeps_the_order_at_confirm_and_a_retry_after_a_timeout_asks_thingsee_first() {
        when(thingsee.setInstallationStatus(STACK, NEW_SENSOR, InstallationStatus.INSTALLED))
                .thenThrow(new ThingseeException.Unavailable(0, "Timed out", "no answer in 10 s", null));
        scanAndChoose(NEW_SENSOR);
        confirm();
        awaitUi(() -> has("work-failure"));
        assertThat(text("work-failure"))
                .isEqualTo(
                        "Thingsee did not answer (no answer in 10 s). Nothing is lost: tap Retry when the signal is better.");
        assertThat(button("work-confirm").getText()).isEqualTo("Retry");
        verify(thingsee, never()).setDeviceGroup(any(), anyString(), anyString());

        // The call did reach Thingsee; only its answer was lost.
        when(thingsee.getInstallationStatus(STACK, NEW_SENSOR))
                .thenReturn(Optional.of(new InstallationRecord(NEW_SENSOR, InstallationStatus.INSTALLED, null)));
        confirm();
        awaitUi(() -> has("work-done"));
        verify(thingsee, times(1)).setInstallationStatus(STACK, NEW_SENSOR, InstallationStatus.INSTALLED);
        verify(thingsee).setDeviceGroup(STACK, NEW_SENSOR, OFFICE);
    }

    @Test
    void a_failed_group_call_is_retried_without_installing_again() {
        when(thingsee.setDeviceGroup(STACK, NEW_SENSOR, OFFICE))
                .thenThrow(new ThingseeException.RateLimited(429, "Too Many Requests", "", Duration.ofSeconds(2)))
                .thenReturn(new GroupAssignment(NEW_SENSOR, OFFICE));
        scanAndChoose(NEW_SENSOR);
        confirm();
        awaitUi(() -> has("work-failure"));
        assertThat(text("work-failure"))
                .isEqualTo("Thingsee asked the portal to slow down (429 Too Many Requests). Tap Retry in a moment.");
        assertThat(deviceRow(NEW_SENSOR)).isEmpty();

        confirm();
        awaitUi(() -> has("work-done"));
        verify(thingsee, times(1)).setInstallationStatus(STACK, NEW_SENSOR, InstallationStatus.INSTALLED);
        verify(thingsee, times(2)).setDeviceGroup(STACK, NEW_SENSOR, OFFICE);
        // Only the scan asked for the status: the installations call had succeeded, so the retry did not check it.
        verify(thingsee, times(1)).getInstallationStatus(STACK, NEW_SENSOR);
        assertThat(deviceRow(NEW_SENSOR)).containsEntry("group_id", OFFICE);
    }

    @Test
    void an_already_installed_sensor_says_where_and_can_be_installed_again_elsewhere() {
        alreadyInstalled(NEW_SENSOR, LAB, serverRoom);

        scan(NEW_SENSOR);
        assertThat(text("work-installed-at"))
                .isEqualTo(
                        "This sensor is installed already, at Oulu HQ › Building A › Floor 1 › Server room, in group "
                                + LAB + ".");
        _click(button("work-reinstall"));
        assertThat(text("work-step")).isEqualTo("Step 1 of 4: Place");

        _get(ComboBox.class, spec -> spec.withId("work-asset"));
    }

    @Test
    void the_group_defaults_to_the_one_last_used_at_the_assets_site() {
        scanAndChoose(NEW_SENSOR);
        confirm();
        awaitUi(() -> has("work-done"));

        scan(SPARE);
        chooseAsset("Oulu HQ › Building A › Floor 1 › Server room");

        assertThat(((DeploymentGroup) _get(ComboBox.class, spec -> spec.withId("work-group"))
                                .getValue())
                        .id()
                        .value())
                .isEqualTo(OFFICE);
    }

    @Test
    void with_no_group_used_yet_the_group_is_the_tenants_default_group() {
        jdbc.sql("UPDATE tenant SET default_group_id = ? WHERE id = ?")
                .params(LAB, tenantId)
                .update();

        scan(NEW_SENSOR);
        chooseAsset("Oulu HQ › Building A › Floor 1 › Server room");

        assertThat(((DeploymentGroup) _get(ComboBox.class, spec -> spec.withId("work-group"))
                                .getValue())
                        .id()
                        .value())
                .isEqualTo(LAB);
    }

    @Test
    void temporary_installer_access_for_one_site_neither_uninstalls_nor_replaces_a_sensor_elsewhere() {
        long tampere = TestData.asset(jdbc, tenantId, null, "SITE", "Tampere depot");
        long depot = TestData.asset(jdbc, tenantId, tampere, "BUILDING", "Depot");
        alreadyInstalled(NEW_SENSOR, LAB, depot);
        jdbc.sql("UPDATE device SET asset_name = 'Tampere depot › Depot' WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, NEW_SENSOR)
                .update();
        long oulu = jdbc.sql("SELECT id FROM asset WHERE tenant_id = ? AND name = 'Oulu HQ'")
                .param(tenantId)
                .query(Long.class)
                .single();
        var onlyOulu = new PortalUser(
                "kalle",
                "Kalle Contractor",
                Set.of(AppRoles.INSTALLER),
                tenantId,
                "acme",
                "Acme",
                new InstallerAccess(1, oulu, "Oulu HQ", Instant.now().plusSeconds(3600)));
        signInAs(onlyOulu);
        var otherSite = new WorkOrder.Failure("work.failure.other-site", "Oulu HQ");

        WorkOrder scanned =
                orders.start(new LabelReading.Sensor(NEW_SENSOR, Optional.empty(), LabelReading.Format.TUID, null));
        assertThat(scanned.failure()).isEqualTo(otherSite);
        assertThat(scanned.batteryLevel()).as("nothing about the sensor shown").isNull();
        assertThat(orders.startReplacement(NEW_SENSOR).failure()).isEqualTo(otherSite);
        assertThat(lifecycle.change(NEW_SENSOR, DeviceLifecycle.Change.UNINSTALL))
                .contains(otherSite);
        verify(thingsee, never()).getDevice(any(), any());

        // A replacement begun before the access narrowed to Oulu is refused at its confirmation.
        signInAs(new PortalUser("kalle", "Kalle Contractor", Set.of(AppRoles.INSTALLER), tenantId, "acme", "Acme"));
        WorkOrder order = orders.startReplacement(NEW_SENSOR);
        assertThat(order.step()).isEqualTo(WorkOrder.Step.REPLACEMENT);
        orders.replaceWith(
                order.id(), new LabelReading.Sensor(SPARE, Optional.empty(), LabelReading.Format.TUID, null));
        signInAs(onlyOulu);
        assertThat(confirmation.confirm(order.id()).failure()).isEqualTo(otherSite);
        verify(thingsee, never()).setInstallationStatus(any(), any(), any());
        verify(thingsee, never()).setDeviceGroup(any(), any(), any());
    }

    @Test
    void a_replacement_uninstalls_the_old_sensor_and_the_new_one_takes_its_asset_and_group() {
        alreadyInstalled(NEW_SENSOR, LAB, serverRoom);
        scan(NEW_SENSOR);
        _click(button("work-replace"));
        _click(button("work-scan-replacement"));
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("Scan the new sensor");

        typeCode(SPARE);
        assertThat(button("scan-install").getText()).isEqualTo("Replace with this sensor");
        _click(button("scan-install"));
        awaitUi(() -> has("work-summary"));
        assertThat(text("work-summary"))
                .isEqualTo("Sensor " + SPARE + " replaces " + NEW_SENSOR
                        + " at Oulu HQ › Building A › Floor 1 › Server room, in group " + LAB + ".");

        confirm();
        awaitUi(() -> has("work-done"));
        var calls = inOrder(thingsee);
        calls.verify(thingsee).setDeviceGroup(STACK, NEW_SENSOR, GroupAssignment.UNASSIGNED);
        calls.verify(thingsee).setInstallationStatus(STACK, NEW_SENSOR, InstallationStatus.UNINSTALLED);
        calls.verify(thingsee).setInstallationStatus(STACK, SPARE, InstallationStatus.INSTALLED);
        calls.verify(thingsee).setDeviceGroup(STACK, SPARE, LAB);
        assertThat(deviceRow(NEW_SENSOR))
                .containsEntry("installation_status", "uninstalled")
                .containsEntry("asset_id", null)
                .containsEntry("group_id", null);
        assertThat(deviceRow(SPARE))
                .containsEntry("installation_status", "installed")
                .containsEntry("asset_id", serverRoom)
                .containsEntry("group_id", LAB);
        assertThat(jdbc.sql("SELECT tuid, action, replaced_tuid, done_by_name FROM installation_event"
                                + " WHERE tenant_id = ? ORDER BY id")
                        .param(tenantId)
                        .query((row, number) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " "
                                + row.getString(4))
                        .list())
                .containsExactly(NEW_SENSOR + " UNINSTALLED null Ilkka", SPARE + " REPLACED " + NEW_SENSOR + " Ilkka");
    }

    @Test
    void a_replacement_whose_old_sensor_cannot_be_uninstalled_is_retried_from_that_call() {
        alreadyInstalled(NEW_SENSOR, LAB, serverRoom);
        when(thingsee.setInstallationStatus(STACK, NEW_SENSOR, InstallationStatus.UNINSTALLED))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "", null))
                .thenReturn(new InstallationRecord(NEW_SENSOR, InstallationStatus.UNINSTALLED, null));
        scan(NEW_SENSOR);
        _click(button("work-replace"));
        _click(button("work-scan-replacement"));
        typeCode(SPARE);
        _click(button("scan-install"));
        awaitUi(() -> has("work-summary"));

        confirm();
        awaitUi(() -> has("work-failure"));
        assertThat(text("work-failure")).contains("503 Service Unavailable");
        confirm();
        awaitUi(() -> has("work-done"));
        verify(thingsee, times(1)).setDeviceGroup(STACK, NEW_SENSOR, GroupAssignment.UNASSIGNED);
        verify(thingsee, times(2)).setInstallationStatus(STACK, NEW_SENSOR, InstallationStatus.UNINSTALLED);
        verify(thingsee, times(1)).setInstallationStatus(STACK, SPARE, InstallationStatus.INSTALLED);
    }

    @Test
    void a_replacement_of_another_product_is_refused_with_the_product_to_scan() {
        alreadyInstalled(NEW_SENSOR, LAB, serverRoom);
        scan(NEW_SENSOR);
        _click(button("work-replace"));
        _click(button("work-scan-replacement"));
        typeCode("TSAP01EWL14500663");
        _click(button("scan-install"));

        awaitUi(() -> has("work-failure"));
        assertThat(text("work-failure"))
                .isEqualTo("A replacement is the same kind of sensor: the one being replaced is a Thingsee PRESENCE."
                        + " Scan a Thingsee PRESENCE.");
        assertThat(text("work-step")).isEqualTo("Replacement");
        verify(thingsee, never()).getDevice(STACK, "TSAP01EWL14500663");
    }

    @Test
    void a_replaced_sensor_at_no_known_place_and_in_no_group_leaves_both_to_be_chosen() {
        alreadyInstalled(NEW_SENSOR, GroupAssignment.UNASSIGNED, null);
        scan(NEW_SENSOR);
        assertThat(text("work-installed-at"))
                .isEqualTo(
                        "This sensor is installed already, at a place the portal does not know, in group unassigned.");
        _click(button("work-replace"));
        _click(button("work-scan-replacement"));
        typeCode(SPARE);
        _click(button("scan-install"));

        awaitUi(() -> has("work-step") && text("work-step").equals("Step 1 of 4: Place"));
        chooseAsset("Oulu HQ › Building A › Floor 1 › Lobby");
        assertThat(_get(ComboBox.class, spec -> spec.withId("work-group")).getValue())
                .as("unassigned is no group to install in")
                .isNull();
        chooseGroup(OFFICE);
        assertThat(text("work-summary")).startsWith("Sensor " + SPARE + " replaces " + NEW_SENSOR);
    }

    @Test
    void an_installation_left_half_way_is_resumed_from_my_work_after_the_view_was_closed() {
        scan(NEW_SENSOR);
        chooseAsset("Oulu HQ › Building A › Floor 1 › Lobby");
        UI.getCurrent().navigate("");

        UI.getCurrent().navigate("my-work");
        assertThat(text("my-work-open")).contains(NEW_SENSOR).contains("Group");
        UI.getCurrent().navigate("my-work");
        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withClasses("work-card")));

        assertThat(text("work-step")).isEqualTo("Step 2 of 4: Group");
        _click(button("work-back"));
        assertThat(((Asset) _get(ComboBox.class, spec -> spec.withId("work-asset"))
                                .getValue())
                        .id())
                .isEqualTo(lobby);
    }

    @Test
    void another_installer_cannot_open_someone_elses_installation() {
        scan(NEW_SENSOR);
        String url = UI.getCurrent().getInternals().getActiveViewLocation().getPath();

        signInTo("acme", tenantId, "Ines", AppRoles.INSTALLER);
        UI.getCurrent().navigate(url);

        assertThat(text("work-not-found")).startsWith("This installation does not exist");
    }

    @Test
    void the_done_screen_says_the_sensor_is_alive_when_its_first_message_arrives() {
        scanAndChoose(NEW_SENSOR);
        confirm();
        awaitUi(() -> has("work-done"));
        assertThat(text("work-liveness")).isEqualTo("Waiting for the sensor's first message…");

        jdbc.sql("UPDATE device SET last_arrival_at = ?, last_seen = ? WHERE tenant_id = ? AND tuid = ?")
                .params(Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), tenantId, NEW_SENSOR)
                .update();
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(NEW_SENSOR)));

        awaitUi(() -> text("work-liveness").startsWith("Sensor is alive"));
        assertThat(text("work-liveness")).isEqualTo("Sensor is alive (last message just now).");
    }

    @Test
    void the_done_screen_says_what_to_check_when_the_sensor_stays_silent() {
        scanAndChoose(NEW_SENSOR);
        confirm();
        awaitUi(() -> has("work-done"));
        jdbc.sql("UPDATE work_order SET finished_at = ? WHERE tenant_id = " + tenantId)
                .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(6))))
                .update();

        String workOrder =
                UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        UI.getCurrent().navigate("scan");
        UI.getCurrent().navigate(workOrder);

        assertThat(text("work-liveness"))
                .startsWith("No message from the sensor in 5 minutes. Check that its battery tab");
    }

    private void aNewSensor(String tuid) {
        when(thingsee.getDevice(STACK, tuid)).thenReturn(new DeviceInfo(tuid, 97, null, null, null, null));
        when(thingsee.getInstallationStatus(STACK, tuid)).thenReturn(Optional.empty());
        when(thingsee.setInstallationStatus(eq(STACK), eq(tuid), any()))
                .thenAnswer(call -> new InstallationRecord(tuid, call.getArgument(2), null));
        when(thingsee.setDeviceGroup(eq(STACK), eq(tuid), anyString()))
                .thenAnswer(call -> new GroupAssignment(tuid, call.getArgument(2)));
    }

    private void alreadyInstalled(String tuid, String groupId, @Nullable Long assetId) {
        when(thingsee.getInstallationStatus(STACK, tuid))
                .thenReturn(Optional.of(new InstallationRecord(tuid, InstallationStatus.INSTALLED, groupId)));
        when(thingsee.getDeviceGroup(STACK, tuid)).thenReturn(new GroupAssignment(tuid, groupId));
        TestData.device(jdbc, tenantId, tuid, GroupAssignment.UNASSIGNED.equals(groupId) ? null : groupId);
        jdbc.sql("UPDATE device SET asset_id = ?, installation_status = 'installed' WHERE tenant_id = ? AND tuid = ?")
                .params(assetId, tenantId, tuid)
                .update();
    }

    /** Types the sensor's TUID on the scanner and starts its installation. */
    private void scan(String tuid) {
        UI.getCurrent().navigate("scan");
        typeCode(tuid);
        _click(button("scan-install"));
        awaitUi(() -> has("work-step"));
    }

    private void typeCode(String tuid) {
        _setValue(_get(TextField.class, spec -> spec.withId("typed-code")), tuid);
        _click(button("typed-check"));
    }

    private void scanAndChoose(String tuid) {
        scan(tuid);
        chooseAsset("Oulu HQ › Building A › Floor 1 › Lobby");
        chooseGroup(OFFICE);
    }

    @SuppressWarnings("unchecked")
    private void chooseAsset(String path) {
        ComboBox<Asset> asset = _get(ComboBox.class, spec -> spec.withId("work-asset"));
        Asset chosen = asset.getListDataView()
                .getItems()
                .filter(candidate -> candidate.pathText().equals(path))
                .findFirst()
                .orElseThrow();
        _setValue(asset, chosen);
        _click(button("work-next"));
    }

    @SuppressWarnings("unchecked")
    private void chooseGroup(String groupId) {
        ComboBox<DeploymentGroup> group = _get(ComboBox.class, spec -> spec.withId("work-group"));
        if (group.getValue() == null || !group.getValue().id().value().equals(groupId)) {
            _setValue(
                    group,
                    group.getLazyDataView()
                            .getItems()
                            .filter(candidate -> candidate.id().value().equals(groupId))
                            .findFirst()
                            .orElseThrow());
        }
        _click(button("work-next"));
    }

    private void confirm() {
        _click(button("work-confirm"));
    }

    private Map<String, Object> deviceRow(String tuid) {
        return jdbc
                .sql(
                        "SELECT installation_status, group_id, asset_id, asset_name FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(Map.of());
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static boolean has(String id) {
        return !_find(com.vaadin.flow.component.Component.class, spec -> spec.withId(id))
                .isEmpty();
    }

    private static String text(String id) {
        // A composite and its content share their element, and so their id: either gives the text.
        return _find(com.vaadin.flow.component.Component.class, spec -> spec.withId(id))
                .get(0)
                .getElement()
                .getTextRecursively();
    }
}
