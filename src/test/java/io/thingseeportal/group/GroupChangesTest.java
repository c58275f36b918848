package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkJobState;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.device.DevicePage;
import io.thingseeportal.device.DeviceService;
import io.thingseeportal.device.GroupDevice;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Moving and removing devices, renaming and deleting groups: Thingsee first, then the portal, all recorded. */
class GroupChangesTest extends MockedThingseeTest {

    static final GroupId OFFICE = GroupId.parse("prfi00office");
    static final GroupId LAB = GroupId.parse("prfi00lab");

    @Autowired
    GroupService groups;

    @Autowired
    DeviceService devices;

    @Autowired
    BulkJobs jobs;

    long tenantId;

    @BeforeEach
    void anOfficeWithThreeDevicesAndAnEmptyLab() {
        tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, OFFICE.value());
        TestData.group(jdbc, tenantId, LAB.value());
        for (String tuid : List.of("TSPR04A", "TSPR04B", "TSPR04C")) {
            TestData.device(jdbc, tenantId, tuid, OFFICE.value());
        }
        signIn("Aino Virtanen", tenantId, AppRoles.ADMIN);
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
    }

    @Test
    void moved_devices_change_group_in_thingsee_and_then_in_the_portal_and_both_groups_record_it() {
        var report = report(groups.moveDevices(OFFICE, List.of("TSPR04A", "TSPR04B"), LAB));

        verify(thingsee).setDeviceGroup(STACK, "TSPR04A", "prfi00lab");
        verify(thingsee).setDeviceGroup(STACK, "TSPR04B", "prfi00lab");
        assertThat(report.succeeded()).containsExactly("TSPR04A", "TSPR04B");
        assertThat(report.failures()).isEmpty();
        assertThat(tuids(LAB)).containsExactly("TSPR04A", "TSPR04B");
        assertThat(tuids(OFFICE)).containsExactly("TSPR04C");
        for (GroupId group : List.of(OFFICE, LAB)) {
            assertThat(groups.changes(group)).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(GroupChange.Kind.DEVICES_MOVED);
                assertThat(change.changedBy()).isEqualTo("Aino Virtanen");
                assertThat(change.details()).isEqualTo("2: prfi00office → prfi00lab");
            });
        }
        assertThat(TestData.audit(jdbc, tenantId))
                .as("both groups' changes in the audit log, as the admin who moved them")
                .containsExactlyInAnyOrder(
                        "GROUP_CHANGED prfi00office: DEVICES_MOVED: 2: prfi00office → prfi00lab",
                        "GROUP_CHANGED prfi00lab: DEVICES_MOVED: 2: prfi00office → prfi00lab");
        assertThat(jdbc.sql("SELECT DISTINCT actor_name FROM audit_event WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(String.class)
                        .list())
                .containsExactly("Aino Virtanen");
    }

    @Test
    void a_move_goes_on_past_a_failed_device_and_names_it_with_the_api_message() {
        when(thingsee.setDeviceGroup(STACK, "TSPR04B", "prfi00lab"))
                .thenThrow(new ThingseeException.NotFound(404, "Not Found", "Thing TSPR04B is not in your stack"));

        var report = report(groups.moveDevices(OFFICE, List.of("TSPR04A", "TSPR04B", "TSPR04C"), LAB));

        assertThat(report.succeeded()).containsExactly("TSPR04A", "TSPR04C");
        assertThat(report.failures())
                .containsExactly(new DeviceFailure(
                        "TSPR04B", DeviceFailure.Reason.THINGSEE, "Thing TSPR04B is not in your stack"));
        assertThat(tuids(OFFICE)).containsExactly("TSPR04B");
        assertThat(groups.changes(LAB))
                .singleElement()
                .satisfies(change -> assertThat(change.details()).startsWith("2: "));
    }

    @Test
    void retrying_the_failed_devices_moves_exactly_those() {
        when(thingsee.setDeviceGroup(STACK, "TSPR04B", "prfi00lab"))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "Try later", null))
                .thenReturn(new GroupAssignment("TSPR04B", "prfi00lab"));
        var first = report(groups.moveDevices(OFFICE, List.of("TSPR04A", "TSPR04B"), LAB));

        var retry = report(groups.moveDevices(OFFICE, first.failedTuids(), LAB));

        assertThat(retry.succeeded()).containsExactly("TSPR04B");
        verify(thingsee).setDeviceGroup(STACK, "TSPR04A", "prfi00lab");
        assertThat(tuids(LAB)).containsExactly("TSPR04A", "TSPR04B");
    }

    @Test
    void a_device_outside_the_group_fails_without_a_call_to_thingsee() {
        long other = TestData.tenant(jdbc, "Borealis");
        TestData.device(jdbc, other, "TSPR04Z", OFFICE.value());

        var report = report(groups.moveDevices(OFFICE, List.of("TSPR04Z"), LAB));

        assertThat(report.failures())
                .containsExactly(new DeviceFailure("TSPR04Z", DeviceFailure.Reason.NOT_IN_GROUP, ""));
        verify(thingsee, never()).setDeviceGroup(any(), anyString(), anyString());
        assertThat(groups.changes(LAB)).isEmpty();
    }

    @Test
    void a_move_is_a_job_of_the_engine_whose_progress_counts_the_devices_per_state() {
        when(thingsee.setDeviceGroup(STACK, "TSPR04B", "prfi00lab"))
                .thenThrow(new ThingseeException.InvalidRequest(400, "Bad Request", "No such thing"));

        long job = groups.moveDevices(OFFICE, List.of("TSPR04A", "TSPR04B", "TSPR04C"), LAB);
        report(job);

        var progress = jobs.progress(job);
        assertThat(progress.kind()).isEqualTo("group.reassign");
        assertThat(progress.state()).isEqualTo(BulkJobState.DONE);
        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(2);
        assertThat(progress.count(BulkItemState.FAILED)).isEqualTo(1);
        assertThat(progress.complete()).isTrue();
    }

    @Test
    void a_move_of_100_devices_runs_on_the_engine_and_reports_each_failed_device_as_before() {
        List<String> hundred = IntStream.range(0, 100)
                .mapToObj(i -> String.format("TSPR05%03d", i))
                .toList();
        hundred.forEach(tuid -> TestData.device(jdbc, tenantId, tuid, OFFICE.value()));
        Map<String, String> threads = new ConcurrentHashMap<>();
        when(thingsee.setDeviceGroup(eq(STACK), anyString(), eq("prfi00lab"))).thenAnswer(call -> {
            String tuid = call.getArgument(1);
            assertThat(threads.put(tuid, Thread.currentThread().getName()))
                    .as(tuid + " once")
                    .isNull();
            if (tuid.endsWith("7")) {
                throw new ThingseeException.InvalidRequest(400, "Bad Request", "Thing " + tuid + " is locked");
            }
            return new GroupAssignment(tuid, "prfi00lab");
        });

        var report = report(groups.moveDevices(OFFICE, hundred, LAB));

        assertThat(threads).hasSize(100);
        assertThat(threads.values()).allMatch(thread -> thread.startsWith("bulk-call"));
        assertThat(report.total()).isEqualTo(100);
        assertThat(report.succeeded()).hasSize(90).doesNotContain("TSPR05007");
        assertThat(report.failures())
                .hasSize(10)
                .first()
                .isEqualTo(new DeviceFailure("TSPR05007", DeviceFailure.Reason.THINGSEE, "Thing TSPR05007 is locked"));
        assertThat(report.failures()).allMatch(failure -> failure.tuid().endsWith("7"));
        assertThat(tuids(LAB)).hasSize(90);
        assertThat(groups.changes(LAB))
                .singleElement()
                .satisfies(change -> assertThat(change.details()).isEqualTo("90: prfi00office → prfi00lab"));
    }

    @Test
    void removed_devices_go_to_unassigned_in_thingsee_and_in_the_portal() {
        var report = report(groups.removeDevices(OFFICE, List.of("TSPR04A")));

        verify(thingsee).setDeviceGroup(STACK, "TSPR04A", GroupAssignment.UNASSIGNED);
        assertThat(report.succeeded()).containsExactly("TSPR04A");
        assertThat(groupOf("TSPR04A")).isNull();
        assertThat(groups.changes(OFFICE))
                .extracting(GroupChange::kind, GroupChange::details)
                .containsExactly(tuple(GroupChange.Kind.DEVICES_REMOVED, "1: prfi00office → unassigned"));
    }

    @Test
    void a_renamed_group_takes_its_devices_and_history_to_the_new_id() {
        report(groups.moveDevices(OFFICE, List.of("TSPR04A"), LAB));
        GroupId annex = GroupId.parse("prfi00annex");

        DeploymentGroup renamed = done(groups.rename(OFFICE, annex));

        verify(thingsee).renameGroup(STACK, "prfi00office", "prfi00annex");
        assertThat(renamed.id()).isEqualTo(annex);
        assertThat(groups.find(OFFICE)).isEmpty();
        assertThat(tuids(annex)).containsExactly("TSPR04B", "TSPR04C");
        assertThat(groups.changes(annex))
                .extracting(GroupChange::kind)
                .containsExactly(GroupChange.Kind.RENAMED, GroupChange.Kind.DEVICES_MOVED);
        assertThat(groups.changes(annex).get(0).details()).isEqualTo("prfi00office → prfi00annex");
        assertThat(groups.changes(OFFICE)).isEmpty();
    }

    @Test
    void the_tenants_default_group_follows_a_rename_and_goes_with_a_delete() {
        setDefaultGroup(OFFICE);
        GroupId annex = GroupId.parse("prfi00annex");

        done(groups.rename(OFFICE, annex));
        assertThat(defaultGroup()).isEqualTo("prfi00annex");

        when(thingsee.listGroupDevices(STACK, "prfi00annex")).thenReturn(List.of());
        report(done(groups.delete(annex)));
        assertThat(defaultGroup()).isNull();
    }

    private void setDefaultGroup(GroupId group) {
        jdbc.sql("UPDATE tenant SET default_group_id = ? WHERE id = ?")
                .params(group.value(), tenantId)
                .update();
    }

    private @org.jspecify.annotations.Nullable String defaultGroup() {
        return jdbc.sql("SELECT default_group_id FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void renaming_to_an_id_the_portal_has_is_refused_before_thingsee_is_called() {
        assertThatThrownBy(() -> groups.rename(OFFICE, LAB)).isInstanceOf(GroupAlreadyExistsException.class);
        verify(thingsee, never()).renameGroup(any(), anyString(), anyString());
    }

    @Test
    void renaming_to_an_id_thingsee_has_keeps_the_group_as_it_was() {
        when(thingsee.renameGroup(STACK, "prfi00office", "prfi00annex"))
                .thenThrow(new ThingseeException.Conflict(409, "Conflict", "Group prfi00annex already exists"));

        assertThatThrownBy(() -> done(groups.rename(OFFICE, GroupId.parse("prfi00annex"))))
                .hasCauseInstanceOf(GroupAlreadyExistsException.class);
        assertThat(groups.find(OFFICE)).isPresent();
        assertThat(tuids(OFFICE)).hasSize(3);
    }

    @Test
    void deleting_uninstalls_and_unassigns_every_device_first_then_deletes_the_group_and_keeps_its_history() {
        when(thingsee.listGroupDevices(STACK, "prfi00office")).thenReturn(List.of("TSPR04C", "TSPR04T"));

        var report = report(done(groups.delete(OFFICE)));

        assertThat(report.groupDeleted()).isTrue();
        assertThat(report.succeeded()).containsExactlyInAnyOrder("TSPR04A", "TSPR04B", "TSPR04C", "TSPR04T");
        var order = inOrder(thingsee);
        order.verify(thingsee).setInstallationStatus(STACK, "TSPR04A", InstallationStatus.UNINSTALLED);
        order.verify(thingsee).setDeviceGroup(STACK, "TSPR04A", GroupAssignment.UNASSIGNED);
        order.verify(thingsee).deleteGroup(STACK, "prfi00office");
        verify(thingsee).setDeviceGroup(STACK, "TSPR04T", GroupAssignment.UNASSIGNED);
        assertThat(groups.find(OFFICE)).isEmpty();
        assertThat(groupOf("TSPR04A")).isNull();
        assertThat(jdbc.sql("SELECT installation_status FROM device WHERE tenant_id = ? AND tuid = 'TSPR04A'")
                        .param(tenantId)
                        .query(String.class)
                        .single())
                .isEqualTo("uninstalled");
        assertThat(groups.changes(OFFICE)).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(GroupChange.Kind.DELETED);
            assertThat(change.details()).isEqualTo("4");
        });
    }

    @Test
    void a_device_that_fails_keeps_the_group_and_deleting_again_retries_exactly_that_device() {
        when(thingsee.setDeviceGroup(STACK, "TSPR04B", GroupAssignment.UNASSIGNED))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "Try later", null))
                .thenReturn(new GroupAssignment("TSPR04B", GroupAssignment.UNASSIGNED));

        var first = report(done(groups.delete(OFFICE)));

        assertThat(first.groupDeleted()).isFalse();
        assertThat(first.failures())
                .containsExactly(new DeviceFailure("TSPR04B", DeviceFailure.Reason.THINGSEE, "Try later"));
        verify(thingsee, never()).deleteGroup(any(), anyString());
        assertThat(groups.find(OFFICE)).isPresent();

        var retry = report(done(groups.delete(OFFICE)));

        assertThat(retry.succeeded()).containsExactly("TSPR04B");
        assertThat(retry.groupDeleted()).isTrue();
        verify(thingsee).setDeviceGroup(STACK, "TSPR04A", GroupAssignment.UNASSIGNED);
    }

    @Test
    void another_tenant_can_neither_list_nor_move_nor_rename_nor_delete_the_group() {
        long other = TestData.tenant(jdbc, "Borealis");
        signIn("Britt", other, AppRoles.ADMIN);
        TestData.group(jdbc, other, LAB.value());

        assertThat(devices.groupDevices(OFFICE.value(), DevicePage.first(10))).isEmpty();
        assertThat(groups.findMatching("office", 0, 10)).isEmpty();
        assertThatThrownBy(() -> groups.moveDevices(OFFICE, List.of("TSPR04A"), LAB))
                .isInstanceOf(GroupNotFoundException.class);
        assertThatThrownBy(() -> groups.removeDevices(OFFICE, List.of("TSPR04A")))
                .isInstanceOf(GroupNotFoundException.class);
        assertThatThrownBy(() -> groups.rename(OFFICE, GroupId.parse("prfi00mine")))
                .isInstanceOf(GroupNotFoundException.class);
        assertThatThrownBy(() -> groups.delete(OFFICE)).isInstanceOf(GroupNotFoundException.class);

        verify(thingsee, never()).setDeviceGroup(any(), anyString(), anyString());
        verify(thingsee, never()).renameGroup(any(), anyString(), anyString());
        verify(thingsee, never()).deleteGroup(any(), anyString());
        signIn("Aino Virtanen", tenantId, AppRoles.ADMIN);
        assertThat(tuids(OFFICE)).hasSize(3);
    }

    @Test
    void another_tenants_device_cannot_be_moved_into_ones_own_group() {
        long other = TestData.tenant(jdbc, "Borealis");
        signIn("Britt", other, AppRoles.ADMIN);
        TestData.group(jdbc, other, "prse00home");
        TestData.group(jdbc, other, "prse00away");

        var report = report(
                groups.moveDevices(GroupId.parse("prse00home"), List.of("TSPR04A"), GroupId.parse("prse00away")));

        assertThat(report.failures())
                .extracting(DeviceFailure::reason)
                .containsExactly(DeviceFailure.Reason.NOT_IN_GROUP);
        verify(thingsee, never()).setDeviceGroup(any(), anyString(), anyString());
    }

    @Test
    void a_viewer_changes_nothing() {
        signIn("Veera", tenantId, AppRoles.VIEWER);

        assertThatThrownBy(() -> groups.moveDevices(OFFICE, List.of("TSPR04A"), LAB))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> groups.rename(OFFICE, GroupId.parse("prfi00annex")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> groups.delete(OFFICE)).isInstanceOf(AccessDeniedException.class);
        verify(thingsee, never()).setDeviceGroup(any(), anyString(), anyString());
        verify(thingsee, never()).renameGroup(any(), anyString(), anyString());
        verify(thingsee, never()).deleteGroup(any(), anyString());
    }

    @Test
    void groups_are_found_by_part_of_their_id_or_description_a_page_at_a_time() {
        when(thingsee.createGroup(any(), anyString(), any())).thenReturn(new ThingseeGroup("x", null));
        groups.create(GroupId.parse("prfi00warehouse"), "Storage 50% full_");

        assertThat(groups.findMatching("", 0, 10))
                .extracting(group -> group.id().value())
                .containsExactly("prfi00lab", "prfi00office", "prfi00warehouse");
        assertThat(groups.findMatching("OFF", 0, 10))
                .extracting(DeploymentGroup::id)
                .containsExactly(OFFICE);
        assertThat(groups.findMatching("50%", 0, 10)).hasSize(1);
        assertThat(groups.findMatching("_", 0, 10)).hasSize(1);
        assertThat(groups.findMatching("", 1, 1))
                .extracting(DeploymentGroup::id)
                .containsExactly(OFFICE);
    }

    private List<String> tuids(GroupId group) {
        return devices.groupDevices(group.value(), DevicePage.first(100)).stream()
                .map(GroupDevice::tuid)
                .toList();
    }

    private @Nullable String groupOf(String tuid) {
        return jdbc.sql("SELECT group_id FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The report of a group job, once the engine has run it. */
    private DeviceBatchReport report(long job) {
        return await().pollInSameThread()
                .atMost(Duration.ofSeconds(20))
                .until(() -> groups.report(job), Optional::isPresent)
                .orElseThrow();
    }

    private static <T> T done(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
