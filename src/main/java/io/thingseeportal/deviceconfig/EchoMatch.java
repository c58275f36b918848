package io.thingseeportal.deviceconfig;

import io.thingseeportal.device.ConfigurationValues;
import io.thingseeportal.device.DeviceReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a device's reply is a command's echo, and what it makes of the command (REFERENCE 5.3 and 9.8): the same
 * device, the same {@code tsmId}, {@code tsmEv} 31 for a configuration (36 for a command) and the same
 * {@code transactionId}; then every requested field is compared with the echoed one.
 */
final class EchoMatch {

    static final int CONFIGURATION_REQUEST = 30;
    static final int CONFIGURATION_RESPONSE = 31;
    static final int COMMAND_REQUEST = 35;
    static final int COMMAND_RESPONSE = 36;
    /** A command response's outcome (1402): 0 is done, anything else is the device's refusal. */
    static final String RESULT = "result";

    /** What the echo makes of the command: its next state and the differences found. */
    record Outcome(CommandState state, Map<String, Object> echo, List<FieldDifference> differences) {}

    private EchoMatch() {}

    /**
     * The command's state after the reply, or empty when the reply is not its echo, or changes nothing: a command that
     * has its echo already keeps it, and a canceled one was never sent. A superseded command keeps its state and takes
     * the echo as a record; a timed-out or failed one is confirmed all the same, since the device did take it.
     */
    static Optional<Outcome> of(DeviceCommand command, DeviceReply reply) {
        if (!command.tuid().equals(reply.tuid())
                || command.tsmId() != reply.tsmId()
                || command.answerEvent() != reply.tsmEv()
                || command.transactionId() != reply.transactionId()
                || command.state().answered()
                || command.state() == CommandState.CANCELED
                || (command.state() == CommandState.SUPERSEDED && command.echoedAt() != null)) {
            return Optional.empty();
        }
        List<FieldDifference> differences = differences(command, reply.fields());
        CommandState next;
        if (command.state() == CommandState.SUPERSEDED) {
            next = CommandState.SUPERSEDED;
        } else {
            next = differences.isEmpty() ? CommandState.CONFIRMED : CommandState.MISMATCH;
        }
        return Optional.of(new Outcome(next, reply.fields(), differences));
    }

    static List<FieldDifference> differences(DeviceCommand command, Map<String, Object> echoed) {
        List<FieldDifference> differences = new ArrayList<>();
        command.request().forEach((field, requested) -> {
            Object value = echoed.get(field);
            if (!ConfigurationValues.same(requested, value)) {
                differences.add(new FieldDifference(field, requested, value));
            }
        });
        Object result = echoed.get(RESULT);
        if (command.tsmEv() == COMMAND_REQUEST && result != null && !ConfigurationValues.same(0, result)) {
            differences.add(new FieldDifference(RESULT, 0, result));
        }
        return differences;
    }
}
