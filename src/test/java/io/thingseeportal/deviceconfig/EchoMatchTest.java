package io.thingseeportal.deviceconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.device.DeviceReply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** REFERENCE 9.8: which reply is a command's echo, and what it makes of the command. */
class EchoMatchTest {

    static final String TUID = "TSPR04EZU31901021";
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void an_exact_echo_confirms_the_command_even_with_fields_that_were_not_asked_for() {
        var outcome = EchoMatch.of(
                        command(CommandState.SENT, Map.of("threshold", 200)),
                        echo(31, 7, Map.of("threshold", 200.0, "mode", 0, "enableLed", 0)))
                .orElseThrow();

        assertThat(outcome.state()).isEqualTo(CommandState.CONFIRMED);
        assertThat(outcome.differences()).isEmpty();
        assertThat(outcome.echo()).containsEntry("mode", 0);
    }

    @Test
    void a_clamped_value_is_a_mismatch_that_keeps_the_difference() {
        var outcome = EchoMatch.of(
                        command(CommandState.SENT, Map.of("threshold", 60, "mode", 1)),
                        echo(31, 7, Map.of("threshold", 80, "mode", 1)))
                .orElseThrow();

        assertThat(outcome.state()).isEqualTo(CommandState.MISMATCH);
        assertThat(outcome.differences()).containsExactly(new FieldDifference("threshold", 60, 80));
    }

    @Test
    void an_echo_that_leaves_a_requested_field_out_is_a_mismatch() {
        var outcome = EchoMatch.of(command(CommandState.SENT, Map.of("threshold", 200)), echo(31, 7, Map.of()))
                .orElseThrow();

        assertThat(outcome.differences()).containsExactly(new FieldDifference("threshold", 200, null));
    }

    @Test
    void a_reply_of_another_transaction_device_message_or_event_is_not_the_echo() {
        DeviceCommand sent = command(CommandState.SENT, Map.of("threshold", 200));

        assertThat(EchoMatch.of(sent, echo(31, 8, Map.of("threshold", 200)))).isEmpty();
        assertThat(EchoMatch.of(sent, echo(33, 7, Map.of("threshold", 200)))).isEmpty();
        assertThat(EchoMatch.of(sent, echo(36, 7, Map.of("threshold", 200)))).isEmpty();
        assertThat(EchoMatch.of(sent, new DeviceReply(TUID, 1500, 31, 7, T0, T0, Map.of("threshold", 200))))
                .isEmpty();
        assertThat(EchoMatch.of(
                        sent, new DeviceReply("TSPR04OTHER000001", 13200, 31, 7, T0, T0, Map.of("threshold", 200))))
                .isEmpty();
    }

    @Test
    void a_second_echo_of_an_answered_command_changes_nothing() {
        assertThat(EchoMatch.of(command(CommandState.CONFIRMED, Map.of("threshold", 200)), echo(31, 7, Map.of())))
                .isEmpty();
        assertThat(EchoMatch.of(command(CommandState.MISMATCH, Map.of("threshold", 200)), echo(31, 7, Map.of())))
                .isEmpty();
    }

    @Test
    void a_late_echo_confirms_a_timed_out_or_failed_command() {
        assertThat(EchoMatch.of(
                                command(CommandState.TIMED_OUT, Map.of("threshold", 200)),
                                echo(31, 7, Map.of("threshold", 200)))
                        .orElseThrow()
                        .state())
                .isEqualTo(CommandState.CONFIRMED);
        assertThat(EchoMatch.of(
                                command(CommandState.FAILED, Map.of("threshold", 200)),
                                echo(31, 7, Map.of("threshold", 200)))
                        .orElseThrow()
                        .state())
                .isEqualTo(CommandState.CONFIRMED);
    }

    @Test
    void a_superseded_command_keeps_its_state_and_takes_its_echo_as_a_record_once() {
        var outcome = EchoMatch.of(
                        command(CommandState.SUPERSEDED, Map.of("threshold", 200)),
                        echo(31, 7, Map.of("threshold", 200)))
                .orElseThrow();

        assertThat(outcome.state()).isEqualTo(CommandState.SUPERSEDED);
        assertThat(EchoMatch.of(
                        withEcho(command(CommandState.SUPERSEDED, Map.of("threshold", 200))),
                        echo(31, 7, Map.of("threshold", 200))))
                .isEmpty();
    }

    @Test
    void a_command_answered_with_a_result_other_than_zero_is_a_mismatch() {
        DeviceCommand reboot = new DeviceCommand(
                1,
                TUID,
                1402,
                35,
                7,
                CommandState.SENT,
                Map.of("command", "REBOOT"),
                null,
                null,
                "s",
                "Admin",
                T0,
                T0,
                null,
                null,
                null,
                List.of(),
                null);

        var refused = EchoMatch.of(
                        reboot, new DeviceReply(TUID, 1402, 36, 7, T0, T0, Map.of("command", "REBOOT", "result", -2)))
                .orElseThrow();
        var done = EchoMatch.of(
                        reboot, new DeviceReply(TUID, 1402, 36, 7, T0, T0, Map.of("command", "REBOOT", "result", 0)))
                .orElseThrow();

        assertThat(refused.differences()).containsExactly(new FieldDifference("result", 0, -2));
        assertThat(done.state()).isEqualTo(CommandState.CONFIRMED);
    }

    static DeviceCommand command(CommandState state, Map<String, Object> request) {
        return new DeviceCommand(
                1,
                TUID,
                13200,
                30,
                7,
                state,
                request,
                "prfi00office",
                null,
                "s",
                "Admin",
                T0,
                T0,
                null,
                null,
                null,
                List.of(),
                null);
    }

    static DeviceCommand withEcho(DeviceCommand command) {
        return new DeviceCommand(
                command.id(),
                command.tuid(),
                command.tsmId(),
                command.tsmEv(),
                command.transactionId(),
                command.state(),
                command.request(),
                command.groupId(),
                command.jobId(),
                command.createdBy(),
                command.createdByName(),
                command.createdAt(),
                command.sentAt(),
                command.deadlineAt(),
                T0,
                Map.of("threshold", 200),
                List.of(),
                command.failure());
    }

    static DeviceReply echo(int tsmEv, long transactionId, Map<String, @Nullable Object> fields) {
        return new DeviceReply(TUID, 13200, tsmEv, transactionId, T0, T0.plusSeconds(1), Map.copyOf(fields));
    }
}
