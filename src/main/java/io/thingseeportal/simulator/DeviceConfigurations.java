package io.thingseeportal.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a simulated device does with a configuration message (REFERENCE 5.3, 6 and 9.10): requested values replace the
 * current ones, omitted fields keep theirs, out-of-range numbers are clamped to the ranges of section 6, and the
 * answer carries every field of the message. Messages without known fields keep whatever was sent.
 */
final class DeviceConfigurations {

    private record Field(String name, double min, double max, Number initial) {}

    private static final Map<Integer, List<Field>> KNOWN = Map.of(
            1500, List.of(new Field("measurementInterval", 1, 3600, 60), new Field("reportInterval", 60, 3600, 300)),
            1505, List.of(new Field("profileId", 0, 1, 0), new Field("duration", 0, 86400, 0)),
            13200,
                    List.of(
                            new Field("threshold", 60, 1100, 150),
                            new Field("enableLed", 0, 1, 0),
                            new Field("mode", 0, 2, 0),
                            new Field("passiveReportInterval", 0, 86400, 3600)),
            12212,
                    List.of(
                            new Field("intervalMultiplier", 1, 255, 1),
                            new Field("leakageMode", 0, 1, 0),
                            new Field("resistanceHysteresis", 0, 1_000_000, 10000)),
            18200, List.of(new Field("profileId", 0, 1, 0), new Field("duration", 0, 86400, 0)),
            24200,
                    List.of(
                            new Field("averaging", 1, 10, 1),
                            new Field("rounding", 1, 1000, 1),
                            new Field("samples", 1, 32, 8),
                            new Field("staticFilter", 0, 10, 2),
                            new Field("dynamicFilter", 0, 1, 1),
                            new Field("autoCalibration", 0, 65535, 192),
                            new Field("calibrationValue", 0, 65535, 400),
                            new Field("pressureCompensate", 0, 1, 1),
                            new Field("carbonDioxideHysteresis", 0, 65535, 10)));

    /** Header fields of a command: not configuration. */
    private static final Set<String> HEADER =
            Set.of("tsmId", "tsmEv", "tsmTs", "tsmTuid", "tsmDstTuid", "tsmGw", "transactionId", "deploymentGroupId");

    private DeviceConfigurations() {}

    /** The message's configuration before anything was sent: the defaults of section 6. */
    static Map<String, Object> initial(int tsmId) {
        Map<String, Object> values = new LinkedHashMap<>();
        KNOWN.getOrDefault(tsmId, List.of()).forEach(field -> values.put(field.name(), field.initial()));
        return values;
    }

    /** The configuration after the command: current values, overwritten by the requested ones, clamped. */
    static Map<String, Object> apply(int tsmId, Map<String, Object> current, Map<String, Object> command) {
        return apply(tsmId, current, command, true);
    }

    /**
     * The configuration after the command: current values, overwritten by the requested ones, clamped unless the
     * device has lost its range checks ({@link FaultSettings#unclamped()}).
     */
    static Map<String, Object> apply(
            int tsmId, Map<String, Object> current, Map<String, Object> command, boolean clamp) {
        Map<String, Object> next = new LinkedHashMap<>(current);
        command.forEach((name, value) -> {
            if (!HEADER.contains(name)) {
                next.put(name, value);
            }
        });
        if (!clamp) {
            return next;
        }
        for (Field field : KNOWN.getOrDefault(tsmId, List.of())) {
            if (next.get(field.name()) instanceof Number number) {
                next.put(field.name(), clamp(number, field));
            }
        }
        return next;
    }

    private static Number clamp(Number value, Field field) {
        double clamped = Math.max(field.min(), Math.min(field.max(), value.doubleValue()));
        if (value instanceof Integer || value instanceof Short) {
            return (int) Math.round(clamped);
        }
        return value instanceof Long ? (Number) Math.round(clamped) : (Number) clamped;
    }
}
