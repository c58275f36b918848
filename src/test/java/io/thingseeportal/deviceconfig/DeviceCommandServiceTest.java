package io.thingseeportal.deviceconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DesiredConfigurations;
import io.thingseeportal.device.DeviceMessageIngest;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands from the send to the echo: stored before Thingsee hears of them, settled by the echo that the data stream
 * brings, in the stream's own transaction; duplicates, reordered and late echoes change nothing twice.
 */
class DeviceCommandServiceTest extends MockedThingseeTest {

    static final String TUID = "TSPR04EZU31901021";
    static final int PIR = 13200;

    @Autowired
    DeviceCommandService commands;

    @Autowired
    DeviceMessageIngest ingest;

    @Autowired
    DesiredConfigurations desired;

    @Autowired
    CommandTimeouts timeouts;

    @Autowired
    TransactionTemplate transaction;

    long tenantId;
    String slug;
    long echoSecond = Instant.parse("2026-12-03T10:00:00Z").getEpochSecond();

    @BeforeEach
    void anAdminWithAPresenceSensor() {
        tenantId = TestData.tenant(jdbc, "Acme");
        slug = TestData.slug(jdbc, tenantId);
        TestData.device(jdbc, tenantId, TUID, "prfi00office");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.sendCommands(eq(STACK), eq(TUID), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        signInTo(slug, tenantId, "Aino", AppRoles.ADMIN);
    }

    @Test
    void once_the_sequence_has_wrapped_a_transaction_id_that_a_command_still_holds_is_passed_over() {
        DeviceCommand first = commands.configure(TUID, PIR, Map.of("threshold", 200));
        jdbc.sql("ALTER SEQUENCE device_command_transaction_id RESTART WITH " + first.transactionId())
                .update();

        DeviceCommand second = commands.configure(TUID, PIR, Map.of("threshold", 300));

        assertThat(second.transactionId()).isEqualTo(first.transactionId() + 1);
        assertThat(second.state()).isEqualTo(CommandState.SENT);
    }

    @Test
    void a_command_is_stored_with_a_transaction_id_of_its_own_and_sent_with_it() {
        DeviceCommand first = commands.configure(TUID, PIR, Map.of("threshold", 200));
        DeviceCommand second = commands.configure(TUID, PIR, Map.of("threshold", 300));

        assertThat(first.state()).isEqualTo(CommandState.SENT);
        assertThat(second.state()).isEqualTo(CommandState.SENT);
        assertThat(second.transactionId()).isNotEqualTo(first.transactionId()).isBetween(1L, 2_147_483_647L);
        assertThat(second.groupId()).isEqualTo("prfi00office");
        assertThat(second.createdByName()).isEqualTo("Aino");
        verify(thingsee)
                .sendCommands(
                        STACK,
                        TUID,
                        List.of(new ThingseeMessage(Map.of(
                                "tsmId",
                                PIR,
                                "tsmEv",
                                30,
                                "transactionId",
                                second.transactionId(),
                                "threshold",
                                300))));
    }

    @Test
    void an_exact_echo_confirms_the_command_and_the_device_reports_what_was_asked() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));

        stream(echo(sent.transactionId(), 200));

        DeviceCommand confirmed = reload(sent);
        assertThat(confirmed.state()).isEqualTo(CommandState.CONFIRMED);
        assertThat(confirmed.echo()).containsEntry("threshold", 200).containsEntry("mode", 0);
        assertThat(confirmed.echoedAt()).isNotNull();
        assertThat(drift()).isFalse();
        assertThat(desired.compare(TUID))
                .singleElement()
                .satisfies(message -> assertThat(message.desired()).containsEntry("threshold", 200))
                .satisfies(message -> assertThat(message.drifts()).isFalse());
    }

    @Test
    void a_clamped_echo_is_a_mismatch_and_the_device_drifts() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 60));
        assertThat(drift()).as("nothing reported yet").isTrue();

        stream(echo(sent.transactionId(), 80));

        DeviceCommand mismatch = reload(sent);
        assertThat(mismatch.state()).isEqualTo(CommandState.MISMATCH);
        assertThat(mismatch.differences())
                .singleElement()
                .satisfies(difference -> assertThat(difference.field()).isEqualTo("threshold"))
                .satisfies(difference ->
                        assertThat(((Number) difference.echoed()).intValue()).isEqualTo(80));
        assertThat(drift()).isTrue();
        assertThat(desired.compare(TUID))
                .singleElement()
                .satisfies(message -> assertThat(message.differing()).containsExactly("threshold"));
    }

    @Test
    void an_echo_of_an_unknown_transaction_only_updates_the_reported_configuration() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));

        stream(echo(sent.transactionId() + 1000, 200));

        assertThat(reload(sent).state()).isEqualTo(CommandState.SENT);
        assertThat(reportedThreshold()).isEqualTo(200);
        assertThat(drift()).isFalse();
    }

    @Test
    void an_answer_of_another_event_with_the_same_transaction_id_is_not_the_echo() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));

        stream(message(PIR, 33, sent.transactionId(), "threshold", 200));

        assertThat(reload(sent).state()).isEqualTo(CommandState.SENT);
        assertThat(reportedThreshold()).isEqualTo(200);
    }

    @Test
    void a_duplicated_echo_and_a_second_echo_change_nothing_twice() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));
        ThingseeMessage echo = echo(sent.transactionId(), 200);
        stream(echo);
        DeviceCommand confirmed = reload(sent);

        stream(echo);
        echoSecond += 60;
        stream(echo(sent.transactionId(), 90));

        assertThat(reload(sent)).isEqualTo(confirmed);
    }

    @Test
    void reordered_echoes_leave_the_newer_command_confirmed_and_the_newer_values_reported() {
        DeviceCommand older = commands.configure(TUID, PIR, Map.of("threshold", 200));
        DeviceCommand newer = commands.configure(TUID, PIR, Map.of("threshold", 300));
        assertThat(reload(older).state()).isEqualTo(CommandState.SUPERSEDED);
        long olderSecond = echoSecond;
        echoSecond += 30;

        stream(echo(newer.transactionId(), 300));
        echoSecond = olderSecond;
        stream(echo(older.transactionId(), 200));

        assertThat(reload(newer).state()).isEqualTo(CommandState.CONFIRMED);
        assertThat(reload(older).state()).isEqualTo(CommandState.SUPERSEDED);
        assertThat(reload(older).echo()).containsEntry("threshold", 200);
        assertThat(reportedThreshold()).isEqualTo(300);
        assertThat(drift()).isFalse();
    }

    @Test
    void a_command_times_out_after_its_deadline_and_a_late_echo_still_confirms_it() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));
        assertThat(timeouts.timeOutDue()).isZero();
        jdbc.sql("UPDATE device_command SET deadline_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), sent.id())
                .update();

        assertThat(timeouts.timeOutDue()).isEqualTo(1);
        assertThat(reload(sent).state()).isEqualTo(CommandState.TIMED_OUT);
        assertThat(timeouts.timeOutDue()).isZero();

        stream(echo(sent.transactionId(), 200));
        assertThat(reload(sent).state()).isEqualTo(CommandState.CONFIRMED);
    }

    @Test
    void the_echo_deadline_is_the_longer_of_five_minutes_and_two_report_intervals() {
        DeviceCommand quick = commands.configure(TUID, PIR, Map.of("threshold", 200));
        jdbc.sql("UPDATE device SET report_interval_s = 3600 WHERE tuid = ?")
                .param(TUID)
                .update();
        DeviceCommand slow = commands.configure(TUID, PIR, Map.of("threshold", 300));

        assertThat(java.time.Duration.between(quick.sentAt(), quick.deadlineAt()))
                .hasMinutes(5);
        assertThat(java.time.Duration.between(slow.sentAt(), slow.deadlineAt())).hasHours(2);
    }

    @Test
    void each_send_is_in_the_audit_log_with_its_transaction_id() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));

        assertThat(TestData.audit(jdbc, tenantId))
                .containsExactly("CONFIGURATION_SENT " + TUID + ": tsmId 13200 {threshold=200}, transactionId "
                        + sent.transactionId());
    }

    @Test
    void the_tenants_own_echo_deadline_replaces_the_portals_five_minutes() {
        jdbc.sql("UPDATE tenant SET echo_deadline_minutes = 30 WHERE id = ?")
                .param(tenantId)
                .update();

        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));

        assertThat(java.time.Duration.between(sent.sentAt(), sent.deadlineAt())).hasMinutes(30);
    }

    @Test
    void the_command_and_the_reported_configuration_change_in_one_transaction() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));

        transaction.executeWithoutResult(status -> {
            ingest.ingest(batch(echo(sent.transactionId(), 200)));
            status.setRollbackOnly();
        });

        assertThat(reload(sent).state()).isEqualTo(CommandState.SENT);
        assertThat(reportedThreshold()).isNull();
    }

    @Test
    void a_refused_command_fails_with_thingsees_words_and_a_retry_sends_it_with_the_same_transaction_id() {
        when(thingsee.sendCommands(eq(STACK), eq(TUID), any()))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "Try later", null));
        DeviceCommand failed = commands.configure(TUID, PIR, Map.of("threshold", 200));
        assertThat(failed.state()).isEqualTo(CommandState.FAILED);
        assertThat(failed.failure()).contains("Try later");

        when(thingsee.sendCommands(eq(STACK), eq(TUID), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        DeviceCommand retried = commands.retry(failed.id());

        assertThat(retried.state()).isEqualTo(CommandState.SENT);
        assertThat(retried.transactionId()).isEqualTo(failed.transactionId());
        assertThat(retried.failure()).isNull();
        assertThat(TestData.audit(jdbc, tenantId))
                .containsExactly(
                        "CONFIGURATION_SENT " + TUID + ": tsmId 13200 {threshold=200}, transactionId "
                                + failed.transactionId(),
                        "CONFIGURATION_SENT " + TUID + ": tsmId 13200 {threshold=200}, transactionId "
                                + failed.transactionId() + ", again");
    }

    @Test
    void identify_blinks_the_led_without_changing_the_desired_configuration_and_ping_is_a_command() {
        signInTo(slug, tenantId, "Ilkka", AppRoles.INSTALLER);

        DeviceCommand identify = commands.identify(TUID);
        DeviceCommand ping = commands.ping(TUID);

        assertThat(identify.tsmId()).isEqualTo(1505);
        assertThat(identify.request()).containsEntry("profileId", 1).containsEntry("duration", 60);
        assertThat(ping.tsmId()).isEqualTo(1600);
        assertThat(ping.tsmEv()).isEqualTo(35);
        assertThat(desired.compare(TUID)).isEmpty();
        stream(message(1600, 36, ping.transactionId()));
        assertThat(reload(ping).state()).isEqualTo(CommandState.CONFIRMED);
    }

    @Test
    void an_angle_sensor_blinks_its_own_led_message() {
        TestData.device(jdbc, tenantId, "TSAN01ABCDEFGH123", null);

        assertThat(commands.identify("TSAN01ABCDEFGH123").tsmId()).isEqualTo(18200);
    }

    @Test
    void a_value_out_of_the_catalogs_range_is_refused_before_anything_is_stored_or_sent() {
        assertThatThrownBy(() -> commands.configure(TUID, PIR, Map.of("threshold", 5000)))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        invalid -> assertThat(invalid.problems())
                                .singleElement()
                                .satisfies(
                                        problem -> assertThat(problem.field()).isEqualTo("threshold"))
                                .satisfies(problem ->
                                        assertThat(problem.messageKey()).isEqualTo("catalog.problem.range")));

        assertThat(commands.ofDevice(TUID, 10)).isEmpty();
        verify(thingsee, never()).sendCommands(any(), any(), any());
    }

    @Test
    void a_message_the_product_does_not_take_is_refused() {
        assertThatThrownBy(() -> commands.configure(TUID, 24200, Map.of("samples", 8)))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        invalid -> assertThat(invalid.problems())
                                .singleElement()
                                .satisfies(problem ->
                                        assertThat(problem.messageKey()).isEqualTo(DeviceCommandService.NOT_TAKEN)));
        verify(thingsee, never()).sendCommands(any(), any(), any());
    }

    @Test
    void installers_and_viewers_may_not_configure() {
        signInTo(slug, tenantId, "Ilkka", AppRoles.INSTALLER);
        assertThatThrownBy(() -> commands.configure(TUID, PIR, Map.of("threshold", 200)))
                .isInstanceOf(AccessDeniedException.class);
        signInTo(slug, tenantId, "Veera", AppRoles.VIEWER);
        assertThatThrownBy(() -> commands.ping(TUID)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void another_tenants_commands_are_out_of_reach() {
        DeviceCommand sent = commands.configure(TUID, PIR, Map.of("threshold", 200));
        long other = TestData.tenant(jdbc, "Borealis");
        signInTo("borealis", other, "Bo", AppRoles.ADMIN);

        assertThat(commands.ofDevice(TUID, 10)).isEmpty();
        assertThatThrownBy(() -> commands.retry(sent.id())).isInstanceOf(NoSuchCommandException.class);
    }

    private ThingseeMessage echo(long transactionId, int threshold) {
        return message(
                PIR,
                31,
                transactionId,
                "threshold",
                threshold,
                "enableLed",
                0,
                "mode",
                0,
                "passiveReportInterval",
                3600);
    }

    private ThingseeMessage message(int tsmId, int tsmEv, long transactionId, Object... fields) {
        Map<String, Object> all = new HashMap<>();
        all.put("tsmId", tsmId);
        all.put("tsmEv", tsmEv);
        all.put("tsmTs", echoSecond);
        all.put("tsmTuid", TUID);
        all.put("deploymentGroupId", "prfi00office");
        all.put("transactionId", transactionId);
        for (int i = 0; i < fields.length; i += 2) {
            all.put((String) fields[i], fields[i + 1]);
        }
        return new ThingseeMessage(all);
    }

    private void stream(ThingseeMessage message) {
        transaction.executeWithoutResult(status -> ingest.ingest(batch(message)));
    }

    private ThingseeMessagesReceived batch(ThingseeMessage message) {
        try {
            String json = new ObjectMapper().writeValueAsString(message.fields());
            return new ThingseeMessagesReceived(
                    slug,
                    List.of(new ThingseeMessageReceived(
                            slug,
                            "cloudext/json/pr/fi/prfi00office/" + TUID + "/" + message.tsmId(),
                            "prfi00office",
                            message,
                            json,
                            Instant.ofEpochSecond(echoSecond).plusSeconds(2))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DeviceCommand reload(DeviceCommand command) {
        return commands.ofDevice(command.tuid(), 100).stream()
                .filter(one -> one.id() == command.id())
                .findFirst()
                .orElseThrow();
    }

    private boolean drift() {
        return jdbc.sql("SELECT config_drift FROM device WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .query(Boolean.class)
                .single();
    }

    private Integer reportedThreshold() {
        return desired.compare(TUID).stream()
                .filter(message -> message.tsmId() == PIR && message.reported() != null)
                .map(message -> ((Number) message.reported().fields().get("threshold")).intValue())
                .findFirst()
                .orElse(null);
    }
}
