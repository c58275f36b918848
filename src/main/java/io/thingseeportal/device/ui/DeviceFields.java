package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.thingseeportal.device.MessageCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Messages shown as their fields: the latest values (one card per data message) or the reported configuration (one
 * card per configuration message). Each field's value has the id {@code <prefix>-<tsmId>-<field>}.
 */
class DeviceFields extends Composite<FlexLayout> {

    /** One message to show: its tsmId, its time and its fields. */
    record Entry(int tsmId, Instant time, Map<String, Object> fields) {}

    private final MessageCatalog catalog;
    private final String prefix;
    private final String emptyKey;

    DeviceFields(MessageCatalog catalog, String prefix, String emptyKey) {
        this.catalog = catalog;
        this.prefix = prefix;
        this.emptyKey = emptyKey;
        getContent().setId(prefix + "s");
        getContent().setFlexWrap(FlexLayout.FlexWrap.WRAP);
        getContent().getStyle().set("gap", "var(--lumo-space-m)");
        getContent().setWidthFull();
    }

    void show(List<Entry> entries) {
        getContent().removeAll();
        if (entries.isEmpty()) {
            getContent().add(new Span(getTranslation(emptyKey)));
        }
        entries.forEach(entry -> getContent().add(card(entry)));
    }

    private Div card(Entry entry) {
        var card = new Div();
        card.addClassNames("device-card");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("min-width", "min(16rem, 100%)")
                .set("box-sizing", "border-box");
        var title = new Div(new Span(ValueFormat.messageName(this, entry.tsmId())));
        title.getStyle().set("font-weight", "600");
        var time = new Div(ValueFormat.dateTime(entry.time(), getLocale()));
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        card.add(title, time);
        entry.fields().forEach((field, value) -> {
            var text = new Span(ValueFormat.value(catalog, entry.tsmId(), field, value, getLocale()));
            text.setId(prefix + "-" + entry.tsmId() + "-" + field);
            text.getStyle().set("font-weight", "600");
            card.add(new Div(new Span(ValueFormat.label(this, entry.tsmId(), field) + ": "), text));
        });
        return card;
    }
}
