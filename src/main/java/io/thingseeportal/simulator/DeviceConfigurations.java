package io.thingseeportal.simulator;

import io.thingseeportal.simulator.CatalogRanges.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a simulated device does with a configuration message (REFERENCE 5.3, 6 and 9.10): requested values replace the
 * current ones, omitted fields keep theirs, out-of-range numbers are clamped to the ranges of section 6, a value a
 * field does not support becomes its default (as REFERENCE 6.3 says of {@code accelerometerMode}), and the answer
 * carries every field of the message. Ranges, defaults and supported values come from the message catalog ({@link
 * CatalogRanges}); fields the catalog does not know keep whatever was sent.
 */
final class DeviceConfigurations {

    /** Header fields of a command: not configuration. */
    private static final Set<String> HEADER =
            Set.of("tsmId", "tsmEv", "tsmTs", "tsmTuid", "tsmDstTuid", "tsmGw", "transactionId", "deploymentGroupId");

    private DeviceConfigurations() {}

    /** The message's configuration before anything was sent: the catalog's defaults. */
    static Map<String, Object> initial(int tsmId) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : CatalogRanges.of(tsmId)) {
            if (parameter.initial() != null) {
                values.put(parameter.name(), parameter.initial());
            }
        }
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
        for (Parameter parameter : CatalogRanges.of(tsmId)) {
            Object value = next.get(parameter.name());
            if (value != null) {
                Object taken = taken(parameter, value);
                if (taken == null) {
                    next.remove(parameter.name());
                } else {
                    next.put(parameter.name(), taken);
                }
            }
        }
        return next;
    }

    /** The value the device keeps; null when it keeps none (an unsupported value of a field without a default). */
    private static @Nullable Object taken(Parameter parameter, Object value) {
        if (!parameter.supported().isEmpty()) {
            return parameter.supported().stream().anyMatch(supported -> same(supported, value))
                    ? value
                    : parameter.initial();
        }
        if (parameter.length() != null) {
            return value instanceof List<?> list && list.size() == parameter.length()
                    ? clampEach(list, parameter)
                    : parameter.initial();
        }
        return value instanceof Number number ? clamp(number, parameter) : value;
    }

    private static @Nullable Object clampEach(List<?> list, Parameter parameter) {
        List<Object> clamped = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Number number)) {
                return parameter.initial();
            }
            clamped.add(clamp(number, parameter));
        }
        return clamped;
    }

    private static boolean same(Object supported, Object value) {
        if (supported instanceof Number expected && value instanceof Number actual) {
            try {
                return new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return false;
            }
        }
        return supported.equals(value);
    }

    private static Number clamp(Number value, Parameter parameter) {
        double min = parameter.min() == null ? Double.NEGATIVE_INFINITY : parameter.min();
        double max = parameter.max() == null ? Double.POSITIVE_INFINITY : parameter.max();
        double number = value.doubleValue();
        if (number >= min && number <= max) {
            return value;
        }
        double clamped = Math.max(min, Math.min(max, number));
        if (value instanceof Integer || value instanceof Short) {
            return (int) Math.round(clamped);
        }
        return value instanceof Long ? (Number) Math.round(clamped) : (Number) clamped;
    }
}
