package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.thingseeportal.device.MessageCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Messages shown as their fields: the latest values (one card per data message) or the reported configuration (one
 * card per configuration message). Each field's value has the id {@code <prefix>-<tsmId>-<field>}.
 *
 * <p>The page shows its device again on each of its messages, so a card stays as it is and only the texts that changed
 * are set: a message that changes the battery sends the browser the battery and its time, nothing else.
 */
class DeviceFields extends Composite<FlexLayout> {

    /** One message to show: its tsmId, its time and its fields. */
    record Entry(int tsmId, Instant time, Map<String, Object> fields) {}

    private final MessageCatalog catalog;
    private final String prefix;
    private final String emptyKey;
    private final Map<Integer, Card> cards = new HashMap<>();
    private @Nullable Span none;

    DeviceFields(MessageCatalog catalog, String prefix, String emptyKey) {
        this.catalog = catalog;
        this.prefix = prefix;
        this.emptyKey = emptyKey;
        getContent().setId(prefix + "s");
        getContent().setFlexWrap(FlexLayout.FlexWrap.WRAP);
        getContent().getStyle().set("gap", "var(--lumo-space-m)");
        getContent().setWidthFull();
    }

    /** Shows these messages, in this order: new ones get a card, vanished ones lose theirs, changed ones are updated. */
    void show(List<Entry> entries) {
        Set<Integer> tsmIds = entries.stream().map(Entry::tsmId).collect(Collectors.toSet());
        cards.values().removeIf(card -> {
            boolean vanished = !tsmIds.contains(card.tsmId);
            if (vanished) {
                getContent().remove(card);
            }
            return vanished;
        });
        if (entries.isEmpty() && none == null) {
            none = new Span(getTranslation(emptyKey));
            getContent().add(none);
        } else if (!entries.isEmpty() && none != null) {
            getContent().remove(none);
            none = null;
        }
        for (int at = 0; at < entries.size(); at++) {
            Entry entry = entries.get(at);
            Card card = cards.get(entry.tsmId());
            if (card == null) {
                card = new Card(entry);
                cards.put(entry.tsmId(), card);
                getContent().addComponentAtIndex(at, card);
            } else {
                card.show(entry);
                if (getContent().indexOf(card) != at) {
                    getContent().remove(card);
                    getContent().addComponentAtIndex(at, card);
                }
            }
        }
    }

    /** One message's card: its name, its time and a line per field. */
    private final class Card extends Div {

        private final int tsmId;
        private final Div time = new Div();
        private final List<Div> lines = new ArrayList<>();
        private final Map<String, Span> values = new LinkedHashMap<>();
        private Entry shown;

        Card(Entry entry) {
            this.tsmId = entry.tsmId();
            this.shown = entry;
            CardLook.frame(this);
            var title = CardLook.title(this, tsmId);
            time.setText(ValueFormat.dateTime(entry.time(), getLocale()));
            CardLook.quiet(time);
            add(title, time);
            addLines(entry);
        }

        void show(Entry entry) {
            if (entry.equals(shown)) {
                return;
            }
            ChangedText.set(time, ValueFormat.dateTime(entry.time(), getLocale()));
            if (List.copyOf(entry.fields().keySet()).equals(List.copyOf(values.keySet()))) {
                entry.fields().forEach((field, value) -> ChangedText.set(values.get(field), text(field, value)));
            } else {
                lines.forEach(this::remove);
                lines.clear();
                values.clear();
                addLines(entry);
            }
            shown = entry;
        }

        private void addLines(Entry entry) {
            entry.fields().forEach((field, value) -> {
                var text = new Span(text(field, value));
                text.setId(prefix + "-" + tsmId + "-" + field);
                text.getStyle().set("font-weight", "600");
                var line = new Div(new Span(ValueFormat.label(this, tsmId, field) + ": "), text);
                values.put(field, text);
                lines.add(line);
                add(line);
            });
        }

        private String text(String field, @Nullable Object value) {
            return ValueFormat.value(catalog, tsmId, field, value, getLocale());
        }
    }
}
