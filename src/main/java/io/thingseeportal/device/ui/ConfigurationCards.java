package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.thingseeportal.device.ConfigurationComparison;
import io.thingseeportal.device.MessageCatalog;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A device's configuration, one card per message ({@link ConfigurationCard}): what the device reported beside what the
 * portal asked for. A value reported has the id {@code config-<tsmId>-<field>}, a value asked for {@code
 * desired-<tsmId>-<field>}; an asked value the device does not report is marked. When the same messages with the same
 * parameters change (an echo, a new request), the cards change their texts in place; only when a message or a
 * parameter comes or goes are the cards built again.
 */
class ConfigurationCards extends Composite<FlexLayout> {

    private final MessageCatalog catalog;
    private @Nullable List<ConfigurationComparison> shown;
    private final List<ConfigurationCard> cards = new ArrayList<>();

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
        if (fits(messages)) {
            for (int i = 0; i < messages.size(); i++) {
                cards.get(i).show(messages.get(i));
            }
            return;
        }
        getContent().removeAll();
        cards.clear();
        if (messages.isEmpty()) {
            getContent().add(new Span(getTranslation("device.page.configuration.none")));
        }
        messages.forEach(message -> cards.add(new ConfigurationCard(catalog, message)));
        cards.forEach(getContent()::add);
    }

    private boolean fits(List<ConfigurationComparison> messages) {
        if (messages.isEmpty() || messages.size() != cards.size()) {
            return false;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!cards.get(i).fits(messages.get(i))) {
                return false;
            }
        }
        return true;
    }

    boolean drifts() {
        return shown != null && shown.stream().anyMatch(ConfigurationComparison::drifts);
    }
}
