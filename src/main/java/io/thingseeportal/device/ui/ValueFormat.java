package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import io.thingseeportal.device.MessageCatalog;
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
 * How the device page words values, times and field names: a field the message catalog knows with its unit and
 * decimals ({@link MessageCatalog#format}), anything else in the user's locale as it came.
 */
public final class ValueFormat {

    private static final int MAX_DECIMALS = 3;

    private ValueFormat() {}

    /** A field's value as the user reads it. */
    public static String value(MessageCatalog catalog, int tsmId, String field, @Nullable Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number
                && catalog.type(tsmId).flatMap(type -> type.field(field)).isPresent()) {
            return catalog.format(tsmId, field, value, locale);
        }
        if (value instanceof Number number) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(MAX_DECIMALS);
            format.setGroupingUsed(false);
            return format.format(number);
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(item -> value(catalog, tsmId, field, item, locale))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.toString();
        }
        return value.toString();
    }

    /** The field's name in the user's language ({@code catalog.<tsmId>.<field>}), or as the device calls it. */
    public static String label(Component component, int tsmId, String field) {
        return translated(component, MessageCatalog.labelKey(tsmId, field), field);
    }

    /** The message's name in the user's language ({@code catalog.<tsmId>}) with its id, or the id alone. */
    public static String messageName(Component component, int tsmId) {
        String id = String.valueOf(tsmId);
        String name = translated(component, MessageCatalog.nameKey(tsmId), id);
        return name.equals(id) ? id : name + " (" + id + ")";
    }

    private static String translated(Component component, String key, String fallback) {
        String text = component.getTranslation(key);
        return text.isBlank() || text.contains(key) ? fallback : text;
    }

    /** A moment in the user's locale, in the server's time zone (as the rest of the portal shows times). */
    public static String dateTime(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault())
                .format(instant);
    }
}
