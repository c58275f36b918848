package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.device.ConfigurationComparison;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.ReportedConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One configuration message of a device: what it reported beside what the portal asked for. While the message keeps
 * its parameters, a new report or request changes the card's texts in place, so that the browser is sent those texts
 * only; a parameter that comes or goes makes a new card ({@link #fits}).
 */
final class ConfigurationCard extends Composite<Div> {

    private final MessageCatalog catalog;
    private final int tsmId;
    private final List<String> fields;
    private final Set<String> asked;
    private final Div time = new Div();
    private final Map<String, Line> lines = new LinkedHashMap<>();

    ConfigurationCard(MessageCatalog catalog, ConfigurationComparison message) {
        this.catalog = catalog;
        this.tsmId = message.tsmId();
        this.fields = fieldsOf(message);
        this.asked = Set.copyOf(message.desired().keySet());
        var card = getContent();
        CardLook.frame(card);
        card.addClassName("config-card");
        time.setId("config-time-" + tsmId);
        CardLook.quiet(time);
        card.add(CardLook.title(this, tsmId), time);
        for (String field : fields) {
            var line = new Line(field, asked.contains(field));
            lines.put(field, line);
            card.add(line.row);
        }
        show(message);
    }

    /** Whether this card can show the message by changing its texts: the same message with the same parameters. */
    boolean fits(ConfigurationComparison message) {
        return message.tsmId() == tsmId
                && fieldsOf(message).equals(fields)
                && message.desired().keySet().equals(asked);
    }

    /** Shows the message's values; only the texts that differ from those shown change. */
    void show(ConfigurationComparison message) {
        ReportedConfiguration reported = message.reported();
        ChangedText.set(
                time,
                reported == null
                        ? getTranslation("device.page.configuration.not-reported")
                        : ValueFormat.dateTime(reported.time(), getLocale()));
        lines.values().forEach(line -> line.show(message));
    }

    /** The parameters a card lists: those reported, then those asked for that the device did not report. */
    private static List<String> fieldsOf(ConfigurationComparison message) {
        Set<String> fields = new LinkedHashSet<>();
        ReportedConfiguration reported = message.reported();
        if (reported != null) {
            fields.addAll(reported.fields().keySet());
        }
        fields.addAll(message.desired().keySet());
        return List.copyOf(fields);
    }

    private String text(String field, @Nullable Object value) {
        return ValueFormat.value(catalog, tsmId, field, Objects.requireNonNullElse(value, ""), getLocale());
    }

    /** One parameter: its reported value, and the value asked for when the portal sent one. */
    private final class Line {

        private final String field;
        private final Div row;
        private final Span value = new Span();
        private final @Nullable Span desired;
        private @Nullable Boolean differs;

        Line(String field, boolean isAsked) {
            this.field = field;
            value.setId("config-" + tsmId + "-" + field);
            value.getStyle().set("font-weight", "600");
            List<Component> parts = new ArrayList<>();
            parts.add(new Span(ValueFormat.label(ConfigurationCard.this, tsmId, field) + ": "));
            parts.add(value);
            if (isAsked) {
                desired = new Span();
                desired.setId("desired-" + tsmId + "-" + field);
                desired.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
                parts.add(desired);
            } else {
                desired = null;
            }
            row = new Div(parts.toArray(Component[]::new));
        }

        void show(ConfigurationComparison message) {
            ReportedConfiguration reported = message.reported();
            ChangedText.set(
                    value,
                    reported != null && reported.fields().containsKey(field)
                            ? text(field, reported.fields().get(field))
                            : getTranslation("device.page.none"));
            if (desired != null) {
                boolean differsNow = message.differing().contains(field);
                ChangedText.set(
                        desired,
                        getTranslation(
                                differsNow
                                        ? "device.page.configuration.asked-differs"
                                        : "device.page.configuration.asked",
                                text(field, message.desired().get(field))));
                if (!Objects.equals(differs, differsNow)) {
                    differs = differsNow;
                    look(desired, differsNow);
                }
            }
        }

        /** A value asked for that the device does not report as asked is a warning badge; else a quiet note. */
        private static void look(Span desired, boolean differs) {
            if (differs) {
                desired.getStyle().remove("color").remove("font-size");
                desired.getElement().getThemeList().add("badge warning small");
                desired.addClassName("config-differs");
            } else {
                desired.getElement().getThemeList().clear();
                desired.removeClassName("config-differs");
                CardLook.quiet(desired);
            }
        }
    }
}
