package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.thingseeportal.device.ui.ValueFormat;
import io.thingseeportal.deviceconfig.CommandFilter;
import io.thingseeportal.deviceconfig.CommandInventory;
import io.thingseeportal.deviceconfig.DeviceCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The inventory's grid: a page at a time from the database, the command's id identifying a row. On a desk a column per
 * fact, on a phone one card per command. Live changes read again only the fetched rows of the devices that changed.
 */
class CommandInventoryGrid extends Grid<DeviceCommand> {

    /** How many fetched rows are remembered for live refreshes: more than the rows a grid keeps loaded. */
    private static final int REMEMBERED = 2000;

    private final CommandInventory inventory;
    private final Supplier<CommandFilter> filter;
    private final CommandTexts texts;
    private final Map<Long, DeviceCommand> fetched = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DeviceCommand> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Column<DeviceCommand> cards;
    private long count = -1;

    CommandInventoryGrid(CommandInventory inventory, Supplier<CommandFilter> filter, CommandTexts texts) {
        this.inventory = inventory;
        this.filter = filter;
        this.texts = texts;
        setId("commands-grid");
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(command -> ValueFormat.dateTime(command.createdAt(), getLocale()))
                .setKey("time")
                .setHeader(getTranslation("commands.column.time"));
        addComponentColumn(command -> new Anchor("devices/" + command.tuid(), command.tuid()))
                .setKey("device")
                .setHeader(getTranslation("command-inventory.device"));
        addColumn(texts::message).setKey("message").setHeader(getTranslation("commands.column.message"));
        addComponentColumn(texts::state).setKey("state").setHeader(getTranslation("commands.column.state"));
        addColumn(this::group).setKey("group").setHeader(getTranslation("command-inventory.group"));
        addColumn(DeviceCommand::createdByName).setKey("by").setHeader(getTranslation("commands.column.by"));
        getColumns().forEach(column -> column.setAutoWidth(true).setResizable(true));
        addColumn(texts::outcome)
                .setKey("outcome")
                .setHeader(getTranslation("commands.column.outcome"))
                .setFlexGrow(2)
                .setResizable(true);
        cards = addColumn(new ComponentRenderer<>(this::card)).setKey("card");
        cards.setVisible(false);
        setItems(new CallbackDataProvider<DeviceCommand, Void>(
                this::page,
                query -> {
                    count = inventory.count(filter.get());
                    return (int) Math.min(Integer.MAX_VALUE, count);
                },
                DeviceCommand::id));
    }

    /** On a phone one card per command instead of the columns. */
    void showCards(boolean showCards) {
        getColumns().forEach(column -> column.setVisible(column == cards ? showCards : !showCards));
    }

    boolean showsCards() {
        return cards.isVisible();
    }

    void refresh() {
        fetched.clear();
        getDataProvider().refreshAll();
    }

    /**
     * Shows what changed on these devices: a command that came or left the filter changes the count and reloads the
     * page; the fetched commands of these devices are read again, and other devices cost one count.
     */
    void refreshChanged(Set<String> tuids) {
        if (count >= 0 && inventory.count(filter.get()) != count) {
            refresh();
            return;
        }
        List<Long> shown = fetched.values().stream()
                .filter(command -> tuids.contains(command.tuid()))
                .map(DeviceCommand::id)
                .toList();
        inventory.find(shown).forEach(command -> {
            if (!command.equals(fetched.put(command.id(), command))) {
                getDataProvider().refreshItem(command);
            }
        });
    }

    private String group(DeviceCommand command) {
        return command.groupId() == null ? "" : command.groupId();
    }

    /** Everything of a command in a few lines, for a 360 px phone; a tap opens its details. */
    private Component card(DeviceCommand command) {
        var tuid = new Span(command.tuid());
        tuid.addClassName("command-card-tuid");
        var title = new Div(tuid, texts.state(command));
        title.addClassName("command-card-line");
        var what = new Div(
                new Span(texts.message(command)), new Span(ValueFormat.dateTime(command.createdAt(), getLocale())));
        what.addClassName("command-card-line");
        var outcome = new Div(texts.outcome(command));
        outcome.addClassName("command-card-outcome");
        var card = new Div(title, what, outcome);
        card.addClassName("command-card");
        return card;
    }

    private Stream<DeviceCommand> page(Query<DeviceCommand, Void> query) {
        List<DeviceCommand> page = inventory.find(filter.get(), query.getOffset(), query.getLimit());
        page.forEach(command -> fetched.put(command.id(), command));
        return page.stream();
    }
}
