package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.thingseeportal.device.ConfigurationComparison;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.ReportedConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A device's configuration, one card per message: what the device reported beside what the portal asked for. A value
 * reported has the id {@code config-<tsmId>-<field>}, a value asked for {@code desired-<tsmId>-<field>}; an asked value
 * the device does not report is marked. The cards are built again only when something in them changed.
 */
class ConfigurationCards extends Composite<FlexLayout> {

    private final MessageCatalog catalog;
    private @Nullable List<ConfigurationComparison> shown;

    ConfigurationCards(MessageCatalog catalog) {
        this.catalog = catalog;
        getContent().setId("configs");
        getContent().setFlexWrap(FlexLayout.FlexWrap.WRAP);
        getContent().getStyle().set("gap", "var(--lumo-space-m)");
        getContent().setWidthFull();
    }

    void show(List<ConfigurationComparison> messages) {
        if (messages.equals(shown)) {
            return;
        }
        shown = List.copyOf(messages);
        getContent().removeAll();
        if (messages.isEmpty()) {
            getContent().add(new Span(getTranslation("device.page.configuration.none")));
        }
        messages.forEach(message -> getContent().add(card(message)));
    }

    boolean drifts() {
        return shown != null && shown.stream().anyMatch(ConfigurationComparison::drifts);
    }

    private Div card(ConfigurationComparison message) {
        int tsmId = message.tsmId();
        var card = new Div();
        card.addClassNames("device-card", "config-card");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("min-width", "min(16rem, 100%)")
                .set("box-sizing", "border-box");
        var title = new Div(new Span(ValueFormat.messageName(this, tsmId)));
        title.getStyle().set("font-weight", "600");
        ReportedConfiguration reported = message.reported();
        var time = new Div(
                reported == null
                        ? getTranslation("device.page.configuration.not-reported")
                        : ValueFormat.dateTime(reported.time(), getLocale()));
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        card.add(title, time);
        Set<String> fields = new LinkedHashSet<>();
        if (reported != null) {
            fields.addAll(reported.fields().keySet());
        }
        fields.addAll(message.desired().keySet());
        for (String field : fields) {
            card.add(line(message, field));
        }
        return card;
    }

    private Div line(ConfigurationComparison message, String field) {
        int tsmId = message.tsmId();
        ReportedConfiguration reported = message.reported();
        boolean isReported = reported != null && reported.fields().containsKey(field);
        var value = new Span(
                isReported ? text(tsmId, field, reported.fields().get(field)) : getTranslation("device.page.none"));
        value.setId("config-" + tsmId + "-" + field);
        value.getStyle().set("font-weight", "600");
        List<com.vaadin.flow.component.Component> parts = new ArrayList<>();
        parts.add(new Span(ValueFormat.label(this, tsmId, field) + ": "));
        parts.add(value);
        if (message.desired().containsKey(field)) {
            Object asked = message.desired().get(field);
            boolean differs = message.differing().contains(field);
            var desired = new Span(getTranslation(
                    differs ? "device.page.configuration.asked-differs" : "device.page.configuration.asked",
                    text(tsmId, field, asked)));
            desired.setId("desired-" + tsmId + "-" + field);
            desired.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            if (differs) {
                desired.getElement().getThemeList().add("badge warning small");
                desired.addClassName("config-differs");
            } else {
                desired.getStyle()
                        .set("color", "var(--lumo-secondary-text-color)")
                        .set("font-size", "var(--lumo-font-size-s)");
            }
            parts.add(desired);
        }
        return new Div(parts.toArray(com.vaadin.flow.component.Component[]::new));
    }

    private String text(int tsmId, String field, @Nullable Object value) {
        return ValueFormat.value(catalog, tsmId, field, Objects.requireNonNullElse(value, ""), getLocale());
    }
}
