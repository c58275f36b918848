package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How the device page words values, times and field names. Values are formatted here in one place so that the message
 * catalog ({@code device.MessageCatalog}, with units and decimals per field) can take over in {@link #value} alone:
 * until then a number is shown in the user's locale without a unit.
 */
final class ValueFormat {

    private static final int MAX_DECIMALS = 3;

    private ValueFormat() {}

    /** A field's value as the user reads it. */
    static String value(int tsmId, String field, @Nullable Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(MAX_DECIMALS);
            format.setGroupingUsed(false);
            return format.format(number);
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(item -> value(tsmId, field, item, locale))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.toString();
        }
        return value.toString();
    }

    /** The field's name in the user's language ({@code catalog.<tsmId>.<field>}), or as the device calls it. */
    static String label(Component component, int tsmId, String field) {
        String key = "catalog." + tsmId + "." + field;
        String label = component.getTranslation(key);
        return label.isBlank() || label.contains(key) ? field : label;
    }

    /** A moment in the user's locale, in the server's time zone (as the rest of the portal shows times). */
    static String dateTime(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault())
                .format(instant);
    }
}
