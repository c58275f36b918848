package io.thingseeportal.device;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the values requested for a configuration or command message against the catalog (REFERENCE 6) before the
 * portal sends them. A device clamps a value out of range, but the portal never sends one: each is a problem here. A
 * request without values is allowed: it reads the current configuration (REFERENCE 5.3). A null value counts as not
 * requested, as a cleared form field leaves it. Header fields ({@code transactionId} and the like) are not parameters.
 */
@Component
public class ConfigurationCheck {

    static final String NOT_SENDABLE = "catalog.problem.not-sendable";
    static final String UNKNOWN = "catalog.problem.unknown";
    static final String READ_ONLY = "catalog.problem.read-only";
    static final String NUMBER = "catalog.problem.number";
    static final String WHOLE_NUMBER = "catalog.problem.whole-number";
    static final String TEXT = "catalog.problem.text";
    static final String LIST = "catalog.problem.list";
    static final String NOT_OFFERED = "catalog.problem.not-offered";
    static final String RANGE = "catalog.problem.range";
    static final String MIN = "catalog.problem.min";
    static final String MAX = "catalog.problem.max";

    private final MessageCatalog catalog;

    public ConfigurationCheck(MessageCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The requested values of message {@code tsmId} checked: as a form or a JSON body gives them (Integer, Long,
     * BigDecimal, Double, String, List). A message the portal may not send is one problem of the whole message.
     */
    public CheckedConfiguration check(int tsmId, Map<String, ? extends @Nullable Object> requested) {
        MessageType type = catalog.type(tsmId).filter(MessageType::sendable).orElse(null);
        if (type == null) {
            return new CheckedConfiguration(tsmId, Map.of(), List.of(problem("", NOT_SENDABLE, String.valueOf(tsmId))));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<ConfigurationProblem> problems = new ArrayList<>();
        requested.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            MessageField field = type.field(name).orElse(null);
            if (field == null) {
                problems.add(problem(name, UNKNOWN));
            } else if (field.readOnly()) {
                problems.add(problem(name, READ_ONLY));
            } else {
                Object normalised = normalise(field, value, problems);
                if (normalised != null) {
                    values.put(name, normalised);
                }
            }
        });
        return new CheckedConfiguration(tsmId, values, problems);
    }

    /** The value as it is sent, or null after adding its problem. */
    private static @Nullable Object normalise(MessageField field, Object value, List<ConfigurationProblem> problems) {
        Object normalised = field.type() == ParameterType.INTEGERS
                ? integers(field, value, problems)
                : single(field, value, problems);
        if (normalised != null
                && !field.namedValues().isEmpty()
                && field.namedValue(normalised).isEmpty()) {
            problems.add(problem(field.name(), NOT_OFFERED));
            return null;
        }
        return normalised;
    }

    private static @Nullable Object single(MessageField field, Object value, List<ConfigurationProblem> problems) {
        if (field.type() == ParameterType.TEXT) {
            return value instanceof String ? value : failed(problems, problem(field.name(), TEXT));
        }
        BigDecimal number = number(value);
        if (number == null) {
            return failed(problems, problem(field.name(), NUMBER));
        }
        ConfigurationProblem problem =
                field.type() == ParameterType.INTEGER ? notWhole(field, number) : outOfRange(field, number);
        if (problem != null) {
            return failed(problems, problem);
        }
        return field.type() == ParameterType.INTEGER ? (Object) number.longValueExact() : number;
    }

    /** A list of the field's length of whole numbers, each in range. */
    private static @Nullable List<Long> integers(
            MessageField field, Object value, List<ConfigurationProblem> problems) {
        int length = field.length() == null ? 0 : field.length();
        if (!(value instanceof List<?> elements) || elements.size() != length) {
            problems.add(problem(field.name(), LIST, length));
            return null;
        }
        List<Long> list = new ArrayList<>();
        for (Object element : elements) {
            BigDecimal number = element == null ? null : number(element);
            ConfigurationProblem problem =
                    number == null ? problem(field.name(), LIST, length) : notWhole(field, number);
            if (problem != null) {
                problems.add(problem);
                return null;
            }
            list.add(number.longValueExact());
        }
        return List.copyOf(list);
    }

    private static @Nullable Object failed(List<ConfigurationProblem> problems, ConfigurationProblem problem) {
        problems.add(problem);
        return null;
    }

    /** Not a whole number, out of range, or too large to send; null when none of these. */
    private static @Nullable ConfigurationProblem notWhole(MessageField field, BigDecimal number) {
        if (number.stripTrailingZeros().scale() > 0) {
            return problem(field.name(), WHOLE_NUMBER);
        }
        ConfigurationProblem range = outOfRange(field, number);
        if (range == null && number.toBigInteger().bitLength() > 63) {
            return problem(field.name(), NUMBER);
        }
        return range;
    }

    private static @Nullable ConfigurationProblem outOfRange(MessageField field, BigDecimal number) {
        BigDecimal min = field.min();
        BigDecimal max = field.max();
        boolean below = min != null && number.compareTo(min) < 0;
        boolean above = max != null && number.compareTo(max) > 0;
        if (!below && !above) {
            return null;
        }
        String unit = field.unit() == null ? "" : field.unit();
        if (min != null && max != null) {
            return problem(field.name(), RANGE, min, max, unit);
        }
        return min != null ? problem(field.name(), MIN, min, unit) : problem(field.name(), MAX, max, unit);
    }

    /** A finite number as a BigDecimal; null for anything else, numbers in text included. */
    private static @Nullable BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger whole) {
            return new BigDecimal(whole);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? new BigDecimal(value.toString()) : null;
        }
        return null;
    }

    private static ConfigurationProblem problem(String field, String key, Object... arguments) {
        return new ConfigurationProblem(field, key, List.of(arguments));
    }
}
