package io.thingseeportal.device;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One field of a Thingsee message, as the catalog describes it. Fields of data messages carry only what showing them
 * needs; fields of configuration and command messages also what sending them needs (REFERENCE 6).
 *
 * @param name the field's name in the message, for example {@code temp}
 * @param unit its unit as written after the value, for example {@code °C}; null when it has none
 * @param decimals how many decimals a value is shown with
 * @param numeric whether its values are measurements that can be charted (a state such as open/closed is not)
 * @param type what it holds; a data field the catalog gives no type is {@link ParameterType#DECIMAL} when numeric,
 *     else {@link ParameterType#TEXT}
 * @param min the smallest value allowed (of each element, for {@link ParameterType#INTEGERS}); null when unbounded
 * @param max the largest value allowed (of each element, for {@link ParameterType#INTEGERS}); null when unbounded
 * @param defaultValue the device's value before anything was sent: a {@link Long}, {@link BigDecimal}, {@link String}
 *     or list of {@link Long}; null when the catalog names none
 * @param namedValues the only values the portal offers, each with its label; empty when any value in range goes
 * @param readOnly whether the device answers it but the portal never sends it (1402 {@code result})
 * @param length how many elements a {@link ParameterType#INTEGERS} value has; null for other types
 * @param helpKey the translation key of its help text, {@code catalog.<tsmId>.<field>.help} (the bundles have it for
 *     configuration and command fields)
 */
public record MessageField(
        String name,
        @Nullable String unit,
        int decimals,
        boolean numeric,
        ParameterType type,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable Object defaultValue,
        List<NamedValue> namedValues,
        boolean readOnly,
        @Nullable Integer length,
        String helpKey) {

    public MessageField {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals of " + name + " must be between 0 and 6");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min of " + name + " is above its max");
        }
        if ((type == ParameterType.INTEGERS) != (length != null)) {
            throw new IllegalArgumentException(name + " must have a length if and only if it is a list");
        }
        namedValues = List.copyOf(namedValues);
    }

    /** The offered value equal to this one (a {@link Long} or a {@link String}), if the field offers it. */
    public Optional<NamedValue> namedValue(Object value) {
        return namedValues.stream().filter(named -> named.value().equals(value)).findFirst();
    }
}
