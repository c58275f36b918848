package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A past moment as people say it ("3 min ago"), and exactly, in the user's language. A moment slightly in the future (a
 * device whose clock runs ahead) is "just now".
 */
public final class RelativeTime {

    private final Component texts;
    private final DateTimeFormatter exact;

    public RelativeTime(Component texts, Locale locale) {
        this.texts = texts;
        this.exact = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault());
    }

    public String ago(@Nullable Instant then, Instant now) {
        if (then == null) {
            return texts.getTranslation("device.list.seen.never");
        }
        Duration age = Duration.between(then, now);
        if (age.toSeconds() < 60) {
            return texts.getTranslation("device.list.seen.now");
        }
        if (age.toMinutes() < 60) {
            return texts.getTranslation("device.list.seen.minutes", age.toMinutes());
        }
        if (age.toHours() < 24) {
            return texts.getTranslation("device.list.seen.hours", age.toHours());
        }
        return texts.getTranslation("device.list.seen.days", age.toDays());
    }

    public String exact(@Nullable Instant then) {
        return then == null ? "" : exact.format(then);
    }
}
