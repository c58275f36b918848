package io.thingseeportal.device;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How configuration values compare: numbers by value (60, 60.0 and 60L are the same), lists element by element. */
public final class ConfigurationValues {

    private ConfigurationValues() {}

    /** Whether a requested value and a reported one are the same setting. */
    public static boolean same(@Nullable Object one, @Nullable Object other) {
        if (one instanceof Number first && other instanceof Number second) {
            BigDecimal a = decimal(first);
            BigDecimal b = decimal(second);
            return a != null && b != null ? a.compareTo(b) == 0 : first.equals(second);
        }
        if (one instanceof List<?> first && other instanceof List<?> second) {
            if (first.size() != second.size()) {
                return false;
            }
            for (int i = 0; i < first.size(); i++) {
                if (!same(first.get(i), second.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(one, other);
    }

    private static @Nullable BigDecimal decimal(Number number) {
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }
}
