package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.NoThingseeStackException;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Syncing groups with Thingsee, which is a mock here: what is imported, what is only shown, and what a failure keeps. */
class GroupSyncServiceTest extends MockedThingseeTest {

    static final Instant LAST_WEEK = Instant.parse("2026-11-16T08:00:00Z");

    @Autowired
    GroupSyncService sync;

    @Autowired
    GroupService groups;

    long tenantId;

    @BeforeEach
    void signInAsAdminWithAStack() {
        tenantId = TestData.tenant(jdbc, "Acme");
        signIn("Aino Virtanen", tenantId, AppRoles.ADMIN);
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
    }

    @Test
    void groups_and_memberships_only_in_thingsee_are_imported_as_the_admins() {
        thingseeHas(new ThingseeGroup("prfi00office", "Head office"), new ThingseeGroup("rdse00lab", ""));
        members("prfi00office", "TSPR04A", "TSPR04B");
        members("rdse00lab", "TSPR04C");
        GroupRows.device(jdbc, tenantId, "TSPR04B", null);
        var progress = new CopyOnWriteArrayList<GroupSyncProgress>();

        GroupSyncSummary summary = sync.syncNow(progress::add).join();

        assertThat(summary).isEqualTo(new GroupSyncSummary(2, 3, 0));
        assertThat(groups.list("", new GroupListSort(GroupListSort.Column.ID, true), 0, 10))
                .extracting(item -> item.id().value(), GroupListItem::description, GroupListItem::deviceCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("prfi00office", "Head office", 2L),
                        org.assertj.core.groups.Tuple.tuple("rdse00lab", null, 1L));
        assertThat(groups.changes(GroupId.parse("prfi00office")))
                .extracting(GroupChange::kind, GroupChange::changedBy)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(GroupChange.Kind.IMPORTED, "Aino Virtanen"),
                        org.assertj.core.groups.Tuple.tuple(GroupChange.Kind.DEVICES_IMPORTED, "Aino Virtanen"));
        assertThat(progress)
                .isNotEmpty()
                .last()
                .satisfies(last -> assertThat(last.fraction()).isEqualTo(1.0));
        assertThat(sync.status().lastSyncedAt()).isNotNull();
    }

    @Test
    void an_imported_device_knows_its_product_from_its_tuid() {
        thingseeHas(new ThingseeGroup("prfi00office", "Head office"));
        members("prfi00office", "TSPR04EZU31901021", "TSGW05ABC12345678", "ZZZZ99UNKNOWN0001");

        sync.syncNow(progress -> {}).join();

        assertThat(jdbc.sql("SELECT tuid, product_type FROM device WHERE tenant_id = ? ORDER BY tuid")
                        .param(tenantId)
                        .query((row, number) -> row.getString("tuid") + "=" + row.getString("product_type"))
                        .list())
                .containsExactly(
                        "TSGW05ABC12345678=Thingsee GATEWAY LAN",
                        "TSPR04EZU31901021=Thingsee PRESENCE",
                        "ZZZZ99UNKNOWN0001=null");
    }

    @Test
    void differences_are_recorded_and_the_portal_keeps_what_it_has() {
        GroupRows.group(jdbc, tenantId, "prfi00office", "Head office", LAST_WEEK);
        GroupRows.group(jdbc, tenantId, "prfi00old", null, LAST_WEEK);
        GroupRows.device(jdbc, tenantId, "TSPR04MOVED", "prfi00office");
        GroupRows.device(jdbc, tenantId, "TSPR04GONE", "prfi00office");
        thingseeHas(
                new ThingseeGroup("prfi00office", "Head office"),
                new ThingseeGroup("rdse00lab", null),
                new ThingseeGroup("pruk00london", null),
                new ThingseeGroup("unassigned", null));
        members("prfi00office");
        members("rdse00lab", "TSPR04MOVED");

        GroupSyncSummary summary = sync.syncNow(ignored -> {}).join();

        assertThat(summary.differences()).isEqualTo(4);
        assertThat(sync.differences(0, 10))
                .extracting(
                        GroupSyncDifference::kind,
                        GroupSyncDifference::subject,
                        GroupSyncDifference::portalGroupId,
                        GroupSyncDifference::thingseeGroupId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                GroupSyncDifference.Kind.DEVICE_IN_OTHER_GROUP,
                                "TSPR04MOVED",
                                "prfi00office",
                                "rdse00lab"),
                        org.assertj.core.groups.Tuple.tuple(
                                GroupSyncDifference.Kind.DEVICE_NOT_IN_GROUP_IN_THINGSEE,
                                "TSPR04GONE",
                                "prfi00office",
                                null),
                        org.assertj.core.groups.Tuple.tuple(
                                GroupSyncDifference.Kind.GROUP_ONLY_IN_PORTAL, "prfi00old", null, null),
                        org.assertj.core.groups.Tuple.tuple(
                                GroupSyncDifference.Kind.GROUP_NOT_IMPORTED, "pruk00london", null, null));
        assertThat(GroupRows.groupOf(jdbc, tenantId, "TSPR04MOVED")).isEqualTo("prfi00office");
        assertThat(GroupRows.groupOf(jdbc, tenantId, "TSPR04GONE")).isEqualTo("prfi00office");
        assertThat(groups.find(GroupId.parse("prfi00old"))).isPresent();
        assertThat(sync.status().differences()).isEqualTo(4);
    }

    @Test
    void a_later_sync_that_finds_a_difference_resolved_clears_it_and_keeps_when_the_others_were_found() {
        GroupRows.group(jdbc, tenantId, "prfi00old", null, LAST_WEEK);
        GroupRows.group(jdbc, tenantId, "prfi00office", null, LAST_WEEK);
        GroupRows.device(jdbc, tenantId, "TSPR04MOVED", "prfi00office");
        thingseeHas(new ThingseeGroup("prfi00office", null), new ThingseeGroup("rdse00lab", null));
        members("prfi00office");
        members("rdse00lab", "TSPR04MOVED");
        sync.syncNow(ignored -> {}).join();
        Instant oldGroupFound = foundAt("prfi00old");

        members("prfi00office", "TSPR04MOVED");
        members("rdse00lab");
        GroupSyncSummary again = sync.syncNow(ignored -> {}).join();

        assertThat(again.differences()).isEqualTo(1);
        assertThat(sync.differences(0, 10)).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(GroupSyncDifference.Kind.GROUP_ONLY_IN_PORTAL);
            assertThat(difference.foundAt()).isEqualTo(oldGroupFound);
        });
    }

    @Test
    void a_failing_thingsee_call_changes_nothing_stored() {
        GroupRows.group(jdbc, tenantId, "prfi00old", null, LAST_WEEK);
        thingseeHas();
        sync.syncNow(ignored -> {}).join();
        Instant lastSynced = sync.status().lastSyncedAt();
        thingseeHas(new ThingseeGroup("prfi00office", null), new ThingseeGroup("rdse00lab", null));
        members("prfi00office", "TSPR04A");
        when(thingsee.listGroupDevices(STACK, "rdse00lab"))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "Try again later", null));

        assertThatThrownBy(() -> sync.syncNow(ignored -> {}).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        ThingseeException.Unavailable.class,
                        e -> assertThat(e.getMessage()).contains("Try again later"));

        assertThat(groups.count("")).isEqualTo(1);
        assertThat(GroupRows.groupOf(jdbc, tenantId, "TSPR04A")).isNull();
        assertThat(sync.differences(0, 10))
                .singleElement()
                .satisfies(difference -> assertThat(difference.subject()).isEqualTo("prfi00old"));
        assertThat(sync.status().lastSyncedAt()).isEqualTo(lastSynced);
    }

    @Test
    void devices_installed_in_thingsee_are_no_longer_new_after_a_sync() {
        thingseeHas(new ThingseeGroup("prfi00office", null), new ThingseeGroup("rdse00lab", null));
        members("prfi00office", "TSPR04A", "TSPR04B", "TSPR04C");
        members("rdse00lab", "TSPR04D");
        GroupRows.device(jdbc, tenantId, "TSPR04D", "prfi00office");
        installationHistory("TSPR04A", InstallationStatus.INSTALLED);
        installationHistory("TSPR04B");
        installationHistory("TSPR04D", InstallationStatus.QUARANTINE);
        when(thingsee.getInstallationHistory(STACK, "TSPR04C", 1))
                .thenThrow(new ThingseeException.NotFound(404, "Not Found", "No such thing"));

        sync.syncNow(ignored -> {}).join();

        assertThat(installationStatusOf("TSPR04A")).isEqualTo("installed");
        assertThat(installationStatusOf("TSPR04B")).isEqualTo("new");
        assertThat(installationStatusOf("TSPR04C")).isEqualTo("new");
        assertThat(installationStatusOf("TSPR04D")).isEqualTo("quarantine");
        verify(thingsee).getInstallationHistory(STACK, "TSPR04A", 1);
    }

    @Test
    void each_devices_installation_status_call_is_a_step_of_the_progress() {
        thingseeHas(new ThingseeGroup("prfi00office", null), new ThingseeGroup("rdse00lab", null));
        members("prfi00office", "TSPR04A", "TSPR04B");
        members("rdse00lab", "TSPR04B", "TSPR04C");
        var progress = new CopyOnWriteArrayList<GroupSyncProgress>();
        var seenByEachCall = new CopyOnWriteArrayList<GroupSyncProgress>();
        when(thingsee.getInstallationHistory(any(), anyString(), org.mockito.ArgumentMatchers.eq(1)))
                .thenAnswer(call -> {
                    seenByEachCall.add(progress.get(progress.size() - 1));
                    return List.of();
                });

        sync.syncNow(progress::add).join();

        // Listing the groups, two member lists, three distinct devices' statuses and the storing: seven steps.
        assertThat(seenByEachCall)
                .containsExactly(
                        new GroupSyncProgress(GroupSyncProgress.Stage.INSTALLATION_STATUSES, 3, 7),
                        new GroupSyncProgress(GroupSyncProgress.Stage.INSTALLATION_STATUSES, 4, 7),
                        new GroupSyncProgress(GroupSyncProgress.Stage.INSTALLATION_STATUSES, 5, 7));
        assertThat(progress)
                .contains(new GroupSyncProgress(GroupSyncProgress.Stage.INSTALLATION_STATUSES, 6, 7))
                .last()
                .isEqualTo(new GroupSyncProgress(GroupSyncProgress.Stage.SAVING, 7, 7));
    }

    @Test
    void a_failing_installation_status_call_changes_nothing_stored() {
        thingseeHas(new ThingseeGroup("prfi00office", null));
        members("prfi00office", "TSPR04A", "TSPR04B");
        installationHistory("TSPR04A", InstallationStatus.INSTALLED);
        when(thingsee.getInstallationHistory(STACK, "TSPR04B", 1))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "Try again later", null));

        assertThatThrownBy(() -> sync.syncNow(ignored -> {}).join()).isInstanceOf(CompletionException.class);

        assertThat(groups.count("")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_second_sync_of_the_same_answers_imports_nothing_more() {
        thingseeHas(new ThingseeGroup("prfi00office", null));
        members("prfi00office", "TSPR04A", "TSPR04B");
        sync.syncNow(ignored -> {}).join();

        GroupSyncSummary again = sync.syncNow(ignored -> {}).join();

        assertThat(again).isEqualTo(new GroupSyncSummary(0, 0, 0));
        assertThat(groups.changes(GroupId.parse("prfi00office"))).hasSize(2);
        assertThat(groups.count("")).isEqualTo(1);
    }

    @Test
    void the_scheduled_sync_covers_each_tenant_with_a_stack_once_per_interval_as_thingsee_sync() {
        long other = TestData.tenant(jdbc, "Borealis");
        when(stacks.forTenant(anyString())).thenReturn(Optional.empty());
        when(stacks.forTenant(slugOf(tenantId))).thenReturn(Optional.of(STACK));
        thingseeHas(new ThingseeGroup("prfi00office", null));
        members("prfi00office", "TSPR04A");

        sync.syncAllTenants();
        sync.syncAllTenants();

        verify(thingsee, times(1)).listGroups(any());
        assertThat(groups.changes(GroupId.parse("prfi00office")))
                .extracting(GroupChange::changedBy)
                .containsOnly(GroupSyncService.SCHEDULED_SYNC);
        signIn("Britt", other, AppRoles.ADMIN);
        assertThat(groups.count("")).isZero();
    }

    @Test
    void a_viewer_cannot_sync_and_thingsee_is_not_called() {
        signIn("Veera", tenantId, AppRoles.VIEWER);

        assertThatThrownBy(() -> sync.syncNow(ignored -> {})).isInstanceOf(AccessDeniedException.class);
        verify(thingsee, never()).listGroups(any());
    }

    @Test
    void a_tenant_without_a_thingsee_stack_is_told_so_at_once() {
        when(stacks.forTenant(anyString())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> sync.syncNow(ignored -> {})).isInstanceOf(NoThingseeStackException.class);
    }

    @Test
    void another_tenant_never_sees_the_differences_or_the_sync_time() {
        GroupRows.group(jdbc, tenantId, "prfi00old", null, LAST_WEEK);
        thingseeHas();
        sync.syncNow(ignored -> {}).join();

        signIn("Britt", TestData.tenant(jdbc, "Borealis"), AppRoles.VIEWER);

        assertThat(sync.differences(0, 10)).isEmpty();
        assertThat(sync.status()).isEqualTo(new GroupSyncStatus(null, 0));
    }

    private void thingseeHas(ThingseeGroup... groups) {
        when(thingsee.listGroups(STACK)).thenReturn(List.of(groups));
    }

    private void installationHistory(String tuid, InstallationStatus... newestFirst) {
        when(thingsee.getInstallationHistory(STACK, tuid, 1))
                .thenReturn(java.util.Arrays.stream(newestFirst)
                        .limit(1)
                        .map(status -> new InstallationRecord(tuid, status, null))
                        .toList());
    }

    private String installationStatusOf(String tuid) {
        return jdbc.sql("SELECT installation_status FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query(String.class)
                .single();
    }

    private void members(String groupId, String... tuids) {
        when(thingsee.listGroupDevices(STACK, groupId)).thenReturn(List.of(tuids));
    }

    private Instant foundAt(String subject) {
        return sync.differences(0, 100).stream()
                .filter(difference -> difference.subject().equals(subject))
                .findFirst()
                .orElseThrow()
                .foundAt();
    }

    private String slugOf(long tenant) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenant)
                .query(String.class)
                .single();
    }
}
