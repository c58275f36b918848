package io.thingseeportal.simulator;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which command messages the simulated cloud queues (REFERENCE.md 9.4), and how it fills them in. */
final class CommandRules {

    static final int CONFIGURATION_REQUEST = 30;
    static final int COMMAND_REQUEST = 35;
    static final Set<Integer> CONFIGURATIONS = Set.of(
            1500, 1501, 1502, 1503, 1504, 1505, 12200, 12210, 12211, 12212, 13200, 13210, 13211, 16200, 17110, 17220,
            18200, 24200, 24201);
    static final Set<Integer> COMMANDS = Set.of(1402, 1600);
    static final long MAX_TRANSACTION_ID = Integer.MAX_VALUE;

    private CommandRules() {}

    /**
     * The commands as queued for {@code tuid} at {@code now}, with {@code tsmTs} and {@code tsmDstTuid} filled in;
     * 400 for any message the cloud does not accept.
     */
    static List<Map<String, Object>> accept(List<@Nullable Map<String, Object>> body, String tuid, Instant now) {
        if (body.isEmpty()) {
            throw SimulatorException.badRequest("At least one command is required");
        }
        var accepted = new ArrayList<Map<String, Object>>();
        for (var command : body) {
            if (command == null) {
                throw SimulatorException.badRequest("A command must be an object");
            }
            accepted.add(accept(command, tuid, now));
        }
        return accepted;
    }

    private static Map<String, Object> accept(Map<String, Object> command, String tuid, Instant now) {
        long tsmId = integer(command, "tsmId", true);
        long tsmEv = integer(command, "tsmEv", true);
        boolean allowed = (tsmEv == CONFIGURATION_REQUEST && CONFIGURATIONS.contains((int) tsmId))
                || (tsmEv == COMMAND_REQUEST && COMMANDS.contains((int) tsmId));
        if (!allowed) {
            throw SimulatorException.badRequest("Command tsmId " + tsmId + " with tsmEv " + tsmEv + " is not allowed");
        }
        if (command.containsKey("transactionId")) {
            long transactionId = integer(command, "transactionId", false);
            if (transactionId < 0 || transactionId > MAX_TRANSACTION_ID) {
                throw SimulatorException.badRequest("transactionId must be between 0 and " + MAX_TRANSACTION_ID);
            }
        }
        Object destination = command.get("tsmDstTuid");
        if (destination != null && !tuid.equals(destination)) {
            throw SimulatorException.badRequest("tsmDstTuid does not match the thing " + tuid);
        }
        var queued = new LinkedHashMap<>(command);
        queued.put("tsmTs", now.getEpochSecond());
        queued.put("tsmDstTuid", tuid);
        return queued;
    }

    private static long integer(Map<String, Object> command, String field, boolean required) {
        Object value = command.get(field);
        if (value == null && !required && command.containsKey(field)) {
            throw SimulatorException.badRequest(field + " must be an integer");
        }
        if (value == null) {
            throw SimulatorException.badRequest(field + " is required");
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            // Far out of every range; the callers refuse it with their own message.
            return big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        throw SimulatorException.badRequest(field + " must be an integer");
    }
}
