package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.TestData;
import io.thingseeportal.bulk.BulkJobNotFoundException;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.deviceconfig.CommandFilter;
import io.thingseeportal.deviceconfig.CommandInventory;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.deviceconfig.NoSuchCommandException;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.PortalUser;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person whose temporary installer access is for one site reads the devices and commands of that site only: the
 * device list, its counts, groups and export, a device's page (its configuration and commands too), and the command
 * inventory; an admin's fleet-wide
 * rollout is not theirs to see. The tenant's other people read them all.
 */
@SpringBootTest
@ActiveProfiles("test")
class SiteOnlyAccessTest {

    static final String AT_HARBOUR = "TSPR04HARBOUR01";
    static final String IN_HARBOUR_ROOM = "TSPR04HARBOUR02";
    static final String AT_TOWER = "TSPR04TOWER0001";
    static final String NOWHERE = "TSPR04NOWHERE01";

    @Autowired
    DeviceListService devices;

    @Autowired
    DeviceDetailsService details;

    @Autowired
    CommandInventory commands;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    BulkJobs jobs;

    @Autowired
    DesiredConfigurations desired;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DeviceCommandService deviceCommands;

    @Autowired
    JdbcClient jdbc;

    long tenantId;
    long harbour;

    @BeforeEach
    void twoSitesWithSensorsAndCommands() {
        tenantId = TestData.tenant(jdbc, "Borealis");
        harbour = TestData.asset(jdbc, tenantId, null, "SITE", "Harbour");
        long hall = TestData.asset(jdbc, tenantId, harbour, "BUILDING", "Hall");
        long floor = TestData.asset(jdbc, tenantId, hall, "FLOOR", "Ground floor");
        long room = TestData.asset(jdbc, tenantId, floor, "SPACE", "Cold room");
        long tower = TestData.asset(jdbc, tenantId, null, "SITE", "Tower");
        device(AT_HARBOUR, "prse00harbour", harbour);
        device(IN_HARBOUR_ROOM, "prse00harbour", room);
        device(AT_TOWER, "prse00tower", tower);
        device(NOWHERE, null, null);
        for (String tuid : List.of(AT_HARBOUR, IN_HARBOUR_ROOM, AT_TOWER, NOWHERE)) {
            command(tuid);
        }
        asAdmin(() -> {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                desired.desire(AT_HARBOUR, 13200, java.util.Map.of("threshold", 200));
                desired.desire(AT_TOWER, 13200, java.util.Map.of("threshold", 300));
            });
            return null;
        });
    }

    @Test
    void the_device_list_counts_groups_and_export_hold_the_sites_devices_only() {
        asGuest(() -> {
            assertThat(tuids(devices.list(DeviceFilter.ALL, DevicePage.first(50))))
                    .containsExactlyInAnyOrder(AT_HARBOUR, IN_HARBOUR_ROOM);
            assertThat(devices.count(DeviceFilter.ALL)).isEqualTo(2);
            assertThat(devices.counts().devices()).isEqualTo(2);
            assertThat(devices.groups("", 0, 10)).containsExactly("prse00harbour");
            assertThat(tuids(devices.find(List.of(AT_HARBOUR, AT_TOWER)))).containsExactly(AT_HARBOUR);
            var csv = new StringWriter();
            devices.exportCsv(DeviceFilter.ALL, DeviceSort.TUID, false, csv);
            assertThat(csv.toString()).contains(AT_HARBOUR, IN_HARBOUR_ROOM).doesNotContain(AT_TOWER, NOWHERE);
            return null;
        });
        asAdmin(() -> {
            assertThat(devices.count(DeviceFilter.ALL)).isEqualTo(4);
            return null;
        });
    }

    @Test
    void a_device_elsewhere_is_as_unknown_on_its_page_as_another_tenants() {
        asGuest(() -> {
            assertThat(details.find(IN_HARBOUR_ROOM)).isPresent();
            assertThat(details.find(AT_TOWER)).isEmpty();
            assertThat(details.find(NOWHERE)).isEmpty();
            assertThat(details.latestValues(AT_TOWER)).isEmpty();
            assertThat(desired.compare(AT_TOWER)).isEmpty();
            assertThat(desired.compare(AT_HARBOUR)).isNotEmpty();
            assertThat(deviceCommands.ofDevice(AT_TOWER, 10)).isEmpty();
            assertThat(deviceCommands.ofDevice(AT_HARBOUR, 10)).hasSize(1);
            long elsewhere = commandOf(AT_TOWER);
            assertThatThrownBy(() -> deviceCommands.retry(elsewhere)).isInstanceOf(NoSuchCommandException.class);
            return null;
        });
        asAdmin(() -> {
            assertThat(details.find(AT_TOWER)).isPresent();
            return null;
        });
    }

    @Test
    void the_command_inventory_holds_the_commands_of_the_sites_devices_only() {
        CommandFilter all = CommandFilter.all(ZoneOffset.UTC);
        asGuest(() -> {
            List<DeviceCommand> seen = commands.find(all, 0, 50);
            assertThat(seen).extracting(DeviceCommand::tuid).containsExactlyInAnyOrder(AT_HARBOUR, IN_HARBOUR_ROOM);
            assertThat(commands.count(all)).isEqualTo(2);
            long elsewhere = commandOf(AT_TOWER);
            assertThat(commands.find(elsewhere)).isEmpty();
            assertThat(commands.find(List.of(elsewhere, commandOf(AT_HARBOUR))))
                    .extracting(DeviceCommand::tuid)
                    .containsExactly(AT_HARBOUR);
            assertThat(commands.groups()).containsExactly("prse00harbour");
            var csv = new StringWriter();
            commands.exportCsv(all, csv);
            assertThat(csv.toString()).contains(AT_HARBOUR).doesNotContain(AT_TOWER, NOWHERE);
            return null;
        });
        asAdmin(() -> {
            assertThat(commands.count(all)).isEqualTo(4);
            return null;
        });
    }

    @Test
    void an_admins_rollout_across_the_fleet_is_not_found() {
        jdbc.sql("INSERT INTO bulk_job (tenant_id, kind, subject, created_by_subject, created_by_name,"
                        + " created_by_roles, created_at, state, abort_percent, finished_at)"
                        + " VALUES (?, 'deviceconfig.rollout', '13200', 'britt', 'Britt', 'ADMIN', CURRENT_TIMESTAMP,"
                        + " 'DONE', 100, CURRENT_TIMESTAMP)")
                .param(tenantId)
                .update();
        long rollout = jdbc.sql("SELECT max(id) FROM bulk_job WHERE tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();

        asGuest(() -> {
            assertThatThrownBy(() -> jobs.job(rollout)).isInstanceOf(BulkJobNotFoundException.class);
            assertThatThrownBy(() -> jobs.items(rollout, Set.of())).isInstanceOf(BulkJobNotFoundException.class);
            return null;
        });
        asAdmin(() -> {
            assertThat(jobs.job(rollout).kind()).isEqualTo("deviceconfig.rollout");
            return null;
        });
    }

    private void device(String tuid, String groupId, Long assetId) {
        TestData.device(jdbc, tenantId, tuid, groupId);
        jdbc.sql("UPDATE device SET asset_id = ? WHERE tenant_id = ? AND tuid = ?")
                .params(assetId, tenantId, tuid)
                .update();
    }

    private void command(String tuid) {
        String group = jdbc.sql("SELECT group_id FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query(String.class)
                .optional()
                .orElse(null);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO device_command (tenant_id, tuid, group_id, tsm_id, tsm_ev, transaction_id, state,"
                        + " request, created_by, created_by_name, created_at, sent_at, updated_at)"
                        + " VALUES (?, ?, ?, 1500, 30, nextval('device_command_transaction_id'), 'SENT', '{}', 'ada',"
                        + " 'Ada', ?, ?, ?)")
                .params(tenantId, tuid, group, now, now, now)
                .update();
    }

    private long commandOf(String tuid) {
        return jdbc.sql("SELECT id FROM device_command WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .query(Long.class)
                .single();
    }

    private static List<String> tuids(List<DeviceListItem> items) {
        return items.stream().map(DeviceListItem::tuid).toList();
    }

    private <T> T asGuest(Supplier<T> work) {
        var access = new InstallerAccess(1, harbour, "Harbour", Instant.now().plusSeconds(3600));
        return currentUser.runAs(
                new PortalUser(
                        "guest",
                        "Gustav",
                        Set.of(AppRoles.INSTALLER),
                        tenantId,
                        TestData.slug(jdbc, tenantId),
                        "Borealis",
                        access),
                work);
    }

    private <T> T asAdmin(Supplier<T> work) {
        return currentUser.runAs(
                new PortalUser(
                        "britt", "Britt", Set.of(AppRoles.ADMIN), tenantId, TestData.slug(jdbc, tenantId), "Borealis"),
                work);
    }
}
