package io.thingseeportal.deviceconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.bulk.BulkItemContext;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkItemView;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.BulkProgress;
import io.thingseeportal.bulk.CallSlot;
import io.thingseeportal.bulk.WatchedSlot;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.ThingseeException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A configuration for many devices runs on the bulk-work engine: one command per device, devices of another product
 * (and, on request, offline or low ones) skipped rather than failed, Thingsee's refusals failed one by one.
 */
class ConfigurationRolloutTest extends MockedThingseeTest {

    static final String OFFICE = "prfi00office";
    static final Map<String, Object> THRESHOLD = Map.of("threshold", 200);

    @Autowired
    ConfigurationRollouts rollouts;

    @Autowired
    BulkJobs jobs;

    @Autowired
    RolloutHandler handler;

    @Autowired
    DeviceCommandService commands;

    @Autowired
    CurrentUser currentUser;

    long tenantId;
    PortalUser admin;
    List<String> presence = new ArrayList<>();

    @BeforeEach
    void anOfficeOfPresenceSensorsAndTwoEnvironmentSensors() {
        tenantId = TestData.tenant(jdbc, "Acme");
        Instant now = Instant.now();
        for (int i = 0; i < 20; i++) {
            String tuid = String.format("TSPR04ROLLOUT%04d", i);
            presence.add(tuid);
            TestData.device(jdbc, tenantId, tuid, OFFICE, "Thingsee PRESENCE", 80, now.minusSeconds(60));
        }
        TestData.device(jdbc, tenantId, "TSPD02ROLLOUT0001", OFFICE, "Thingsee ENVIRONMENT", 80, now.minusSeconds(60));
        TestData.device(jdbc, tenantId, "TSPD02ROLLOUT0002", OFFICE, "Thingsee ENVIRONMENT", 80, now.minusSeconds(60));
        jdbc.sql("UPDATE device SET stale_at = ? WHERE tenant_id = ?")
                .params(Timestamp.from(now.plus(Duration.ofHours(1))), tenantId)
                .update();
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.sendCommands(eq(STACK), anyString(), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        admin = signInTo("acme", tenantId, "Aino", AppRoles.ADMIN);
    }

    @Test
    void a_group_rollout_sends_each_device_its_own_command_and_skips_the_products_that_do_not_take_it() {
        long job = rollouts.start(group(false, false));

        BulkProgress done = awaitDone(job);
        assertThat(done.count(BulkItemState.SUCCEEDED)).isEqualTo(20);
        assertThat(done.count(BulkItemState.SKIPPED)).isEqualTo(2);
        assertThat(skipped(job)).containsOnly(ConfigurationRollouts.SKIP_NOT_TAKEN);
        assertThat(rollouts.commandStates(job)).containsExactlyEntriesOf(Map.of(CommandState.SENT, 20));
        presence.forEach(tuid -> verify(thingsee).sendCommands(eq(STACK), eq(tuid), any()));
        assertThat(commands.ofDevice(presence.get(0), 5))
                .singleElement()
                .satisfies(command -> assertThat(command.jobId()).isEqualTo(job))
                .satisfies(command -> assertThat(((Number) command.request().get("threshold")).intValue())
                        .isEqualTo(200));
        assertThat(jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ? AND config_drift")
                        .param(tenantId)
                        .query(Long.class)
                        .single())
                .as("asked, not yet confirmed")
                .isEqualTo(20);
    }

    @Test
    void offline_and_low_battery_devices_are_skipped_when_asked() {
        jdbc.sql("UPDATE device SET stale_at = ? WHERE tuid = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), presence.get(0))
                .update();
        jdbc.sql("UPDATE device SET last_seen = NULL WHERE tuid = ?")
                .param(presence.get(1))
                .update();
        jdbc.sql("UPDATE device SET battery_level = 5 WHERE tuid = ?")
                .param(presence.get(2))
                .update();

        long job = rollouts.start(group(true, true));

        BulkProgress done = awaitDone(job);
        assertThat(done.count(BulkItemState.SUCCEEDED)).isEqualTo(17);
        assertThat(skipped(job))
                .containsExactlyInAnyOrder(
                        ConfigurationRollouts.SKIP_OFFLINE,
                        ConfigurationRollouts.SKIP_OFFLINE,
                        ConfigurationRollouts.SKIP_LOW_BATTERY,
                        ConfigurationRollouts.SKIP_NOT_TAKEN,
                        ConfigurationRollouts.SKIP_NOT_TAKEN);
    }

    @Test
    void refusals_fail_their_devices_only_and_the_rest_are_sent() {
        when(thingsee.sendCommands(eq(STACK), eq(presence.get(3)), any()))
                .thenThrow(new ThingseeException.InvalidRequest(400, "Bad Request", "Not allowed for this thing"));
        var selection = new RolloutRequest(
                13200,
                THRESHOLD,
                List.of(presence.get(3), presence.get(4), "TSPR04NOTOURS0001"),
                null,
                false,
                false,
                100);

        long job = rollouts.start(selection);

        BulkProgress done = awaitDone(job);
        assertThat(done.count(BulkItemState.SUCCEEDED)).isEqualTo(1);
        assertThat(done.count(BulkItemState.FAILED)).isEqualTo(1);
        assertThat(skipped(job)).containsExactly(ConfigurationRollouts.SKIP_UNKNOWN);
        assertThat(rollouts.commandStates(job))
                .containsExactlyInAnyOrderEntriesOf(Map.of(CommandState.SENT, 1, CommandState.FAILED, 1));
        assertThat(commands.ofDevice(presence.get(3), 1).get(0).failure()).contains("Not allowed for this thing");
    }

    @Test
    void running_an_item_again_after_thingsee_took_it_sends_nothing_twice() {
        long job = rollouts.start(
                new RolloutRequest(13200, THRESHOLD, List.of(presence.get(5)), null, false, false, null));
        awaitDone(job);
        var again = repeatOf(job, presence.get(5));

        currentUser.runAs(admin, () -> handler.run(again, CallSlot.unlimited()));

        verify(thingsee, times(1)).sendCommands(eq(STACK), eq(presence.get(5)), any());
        assertThat(commands.ofDevice(presence.get(5), 5)).hasSize(1);
    }

    @Test
    void the_handler_calls_thingsee_only_while_it_holds_the_tenants_call_slot() {
        long job = rollouts.start(
                new RolloutRequest(13200, THRESHOLD, List.of(presence.get(6)), null, false, false, null));
        awaitDone(job);
        jdbc.sql("UPDATE device_command SET state = 'FAILED' WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, presence.get(6))
                .update();
        var slot = new WatchedSlot();
        List<Boolean> heldAtTheCall = new ArrayList<>();
        when(thingsee.sendCommands(eq(STACK), eq(presence.get(6)), any())).thenAnswer(call -> {
            heldAtTheCall.add(slot.heldHere());
            return new CommandReceipt("api-user", call.getArgument(2));
        });
        var again = repeatOf(job, presence.get(6));

        currentUser.runAs(admin, () -> handler.run(again, slot.slot()));

        assertThat(heldAtTheCall).containsExactly(true);
    }

    @Test
    void values_out_of_the_catalogs_range_start_nothing() {
        var request = new RolloutRequest(13200, Map.of("threshold", 5000), List.of(), OFFICE, false, false, null);

        assertThatThrownBy(() -> rollouts.start(request))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        invalid -> assertThat(invalid.problems())
                                .singleElement()
                                .satisfies(
                                        problem -> assertThat(problem.field()).isEqualTo("threshold")));
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_job WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_rollout_to_more_devices_than_the_tenant_allows_is_planned_as_too_large_and_not_started() {
        limitRolloutsTo(19);

        ConfigurationRollouts.Plan plan = rollouts.plan(group(false, false));

        assertThat(plan.toSend()).isEqualTo(20);
        assertThat(plan.tooLarge()).isTrue();
        assertThatThrownBy(() -> rollouts.start(group(false, false)))
                .isInstanceOfSatisfying(RolloutTooLargeException.class, refused -> {
                    assertThat(refused.devices()).isEqualTo(20);
                    assertThat(refused.maxDevices()).isEqualTo(19);
                });
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_job WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void skipped_devices_do_not_count_against_the_tenants_limit() {
        limitRolloutsTo(20);

        assertThat(rollouts.plan(group(false, false)).tooLarge()).isFalse();
        assertThat(awaitDone(rollouts.start(group(false, false))).count(BulkItemState.SUCCEEDED))
                .isEqualTo(20);
    }

    @Test
    void a_rollout_stops_where_the_tenants_admin_said_unless_the_request_says_otherwise() {
        jdbc.sql("UPDATE tenant SET rollout_stop_percent = 7 WHERE id = ?")
                .param(tenantId)
                .update();

        long byTenant = rollouts.start(group(false, false));
        long byRequest = rollouts.start(new RolloutRequest(13200, THRESHOLD, List.of(), OFFICE, false, false, 30));

        assertThat(abortPercent(byTenant)).isEqualTo(7);
        assertThat(abortPercent(byRequest)).isEqualTo(30);
        assertThat(TestData.audit(jdbc, tenantId))
                .as("each rollout in the audit log, not each of its commands")
                .containsExactly(
                        "ROLLOUT_STARTED " + OFFICE + ": job " + byTenant + ", tsmId 13200 {threshold=200}, 20 devices",
                        "ROLLOUT_STARTED " + OFFICE + ": job " + byRequest
                                + ", tsmId 13200 {threshold=200}, 20 devices");
        awaitDone(byTenant);
        awaitDone(byRequest);
    }

    private void limitRolloutsTo(int devices) {
        jdbc.sql("UPDATE tenant SET rollout_max_devices = ? WHERE id = ?")
                .params(devices, tenantId)
                .update();
    }

    private int abortPercent(long job) {
        return jdbc.sql("SELECT abort_percent FROM bulk_job WHERE id = ?")
                .param(job)
                .query(Integer.class)
                .single();
    }

    private RolloutRequest group(boolean skipOffline, boolean skipLowBattery) {
        return new RolloutRequest(13200, THRESHOLD, List.of(), OFFICE, skipOffline, skipLowBattery, null);
    }

    /** The job's item of the device, run a second time: its first run may have made its change already. */
    private BulkItemContext repeatOf(long job, String tuid) {
        return new BulkItemContext(
                job,
                tenantId,
                ConfigurationRollouts.KIND,
                tuid,
                0,
                "1 devices",
                jobs.job(job).params(),
                2,
                admin);
    }

    private BulkProgress awaitDone(long job) {
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jobs.progress(job).complete());
        return jobs.progress(job);
    }

    private List<String> skipped(long job) {
        return jobs.items(job, EnumSet.of(BulkItemState.SKIPPED)).stream()
                .map(BulkItemView::message)
                .toList();
    }
}
