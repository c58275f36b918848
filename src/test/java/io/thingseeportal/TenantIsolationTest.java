package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.asset.AssetException;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.bulk.BulkJobNotFoundException;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.device.NoSuchDeviceException;
import io.thingseeportal.deviceconfig.CommandInventory;
import io.thingseeportal.deviceconfig.ConfigurationRollouts;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.deviceconfig.NoSuchCommandException;
import io.thingseeportal.deviceconfig.RolloutRequest;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupNotFoundException;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.installation.HistoryFilter;
import io.thingseeportal.installation.InstallationHistory;
import io.thingseeportal.installation.LabelReading;
import io.thingseeportal.installation.WorkOrderService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.DeviceInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One tenant's user cannot reach another tenant's things by their ids: Acme's group, device, rollout, installation
 * work order and command, opened or changed by a Borealis admin who knows their ids, are "not there" and stay as they
 * were, and Borealis's Thingsee stack is never asked about them.
 */
class TenantIsolationTest extends MockedThingseeTest {

    static final String GROUP = "prfi00acmeonly";
    static final String TUID = "TSPR04ACME00001";

    @Autowired
    ConfigurationRollouts rollouts;

    @Autowired
    DeviceCommandService commands;

    @Autowired
    CommandInventory inventory;

    @Autowired
    WorkOrderService orders;

    @Autowired
    GroupService groups;

    @Autowired
    AssetService assets;

    @Autowired
    InstallationHistory history;

    @Autowired
    BulkJobs jobs;

    long acme;
    long borealis;
    long rollout;
    long workOrder;
    DeviceCommand command;

    @BeforeEach
    void acmeHasAGroupADeviceARolloutAWorkOrderAndACommand() {
        acme = TestData.tenant(jdbc, "Acme");
        borealis = TestData.tenant(jdbc, "Borealis");
        TestData.group(jdbc, acme, GROUP);
        TestData.device(jdbc, acme, TUID, GROUP, "Thingsee PRESENCE", 90, Instant.now());
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.sendCommands(eq(STACK), eq(TUID), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        when(thingsee.getDevice(STACK, TUID)).thenReturn(new DeviceInfo(TUID, 90, null, null, null, null));
        signInTo(TestData.slug(jdbc, acme), acme, "Aino", AppRoles.ADMIN);
        command = commands.configure(TUID, 13200, Map.of("threshold", 200));
        rollout = rollouts.start(
                new RolloutRequest(13200, Map.of("threshold", 300), List.of(TUID), null, false, false, null));
        workOrder = orders.start(new LabelReading.Sensor(TUID, Optional.empty(), LabelReading.Format.TUID, null))
                .id();
        awaitUi(() -> jobs.progress(rollout).complete());
        Mockito.clearInvocations(thingsee, stacks);

        signInTo(TestData.slug(jdbc, borealis), borealis, "Britt", AppRoles.ADMIN);
    }

    @Test
    void the_ids_in_addresses_open_nothing_of_the_other_tenant() {
        assertThat(pageAt("groups/" + GROUP)).contains("Your organisation has no group \"" + GROUP + "\"");
        assertThat(pageAt("devices/" + TUID)).contains("Your organisation has no device \"" + TUID + "\"");
        assertThat(pageAt("rollouts/" + rollout)).contains("Your organisation has no such rollout");
        assertThat(pageAt("work/" + workOrder)).contains("This installation does not exist, or it is someone else's");
        verifyNoInteractions(thingsee);
    }

    @Test
    void another_tenants_assets_installations_and_settings_are_neither_seen_nor_changed() {
        long site = TestData.asset(jdbc, acme, null, "SITE", "Acme harbour");
        jdbc.sql("INSERT INTO installation_event (tenant_id, tuid, action, site, done_by, done_by_name, done_at)"
                        + " VALUES (?, ?, 'INSTALLED', 'Acme harbour', 'aino', 'Aino', CURRENT_TIMESTAMP)")
                .params(acme, TUID)
                .update();

        assertThat(assets.all()).isEmpty();
        assertThat(assets.find(site)).isEmpty();
        assertThatThrownBy(() -> assets.create(site, "Hall")).isInstanceOf(AssetException.class);
        assertThatThrownBy(() -> assets.rename(site, "Mine")).isInstanceOf(AssetException.class);
        assertThatThrownBy(() -> assets.delete(site)).isInstanceOf(AssetException.class);
        assertThat(history.find(HistoryFilter.all(ZoneOffset.UTC), 0, 10)).isEmpty();
        assertThat(history.sites()).isEmpty();
        UI.getCurrent().navigate("tenant-thingsee/" + acme);
        assertThat(LocatorJ._find(TextField.class, spec -> spec.withId("thingsee-base-url")))
                .as("an operator's page of Acme's Thingsee API")
                .isEmpty();
        UI.getCurrent().navigate("tenant-sign-in/" + acme);
        assertThat(LocatorJ._find(TextField.class, spec -> spec.withId("provider-issuer")))
                .as("an operator's page of Acme's identity provider")
                .isEmpty();
        assertThat(jdbc.sql("SELECT name FROM asset WHERE id = ?")
                        .param(site)
                        .query(String.class)
                        .single())
                .isEqualTo("Acme harbour");
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE parent_id = ?")
                        .param(site)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_services_behind_the_pages_find_nothing_and_change_nothing_of_the_other_tenant() {
        String stateBefore = rolloutState();

        assertThat(groups.find(GroupId.parse(GROUP))).isEmpty();
        assertThatThrownBy(() -> groups.moveDevices(GroupId.parse(GROUP), List.of(TUID), GroupId.parse("prfi00mine")))
                .isInstanceOf(GroupNotFoundException.class);
        assertThatThrownBy(() -> commands.configure(TUID, 13200, Map.of("threshold", 100)))
                .isInstanceOf(NoSuchDeviceException.class);
        assertThat(inventory.find(command.id())).isEmpty();
        assertThatThrownBy(() -> commands.retry(command.id())).isInstanceOf(NoSuchCommandException.class);
        assertThatThrownBy(() -> jobs.job(rollout)).isInstanceOf(BulkJobNotFoundException.class);
        assertThat(jobs.cancel(rollout)).as("cancels nothing").isFalse();
        assertThat(jobs.pause(rollout)).as("pauses nothing").isFalse();
        assertThat(rollouts.commandStates(rollout)).isEmpty();
        assertThat(orders.find(workOrder)).isEmpty();
        verifyNoInteractions(thingsee);
        assertThat(rolloutState()).isEqualTo(stateBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM device_command WHERE tenant_id = ?")
                        .param(borealis)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String rolloutState() {
        return jdbc.sql("SELECT state FROM bulk_job WHERE id = ?")
                .param(rollout)
                .query(String.class)
                .single();
    }

    /** The page's paragraphs' text, after opening the address. */
    private static String pageAt(String location) {
        UI.getCurrent().navigate(location);
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class).stream()
                .map(Paragraph::getText)
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
