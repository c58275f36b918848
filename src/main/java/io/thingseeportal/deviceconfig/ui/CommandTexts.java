package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.ui.ValueFormat;
import io.thingseeportal.deviceconfig.CommandState;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.FieldDifference;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a command reads in the portal: its state as a coloured badge, and what came of it in a line. */
final class CommandTexts {

    private final Component texts;
    private final MessageCatalog catalog;

    CommandTexts(Component texts, MessageCatalog catalog) {
        this.texts = texts;
        this.catalog = catalog;
    }

    Span state(DeviceCommand command) {
        var badge = new Span(stateName(command));
        badge.getElement().getThemeList().add("badge " + theme(command.state()));
        badge.addClassName("command-state");
        badge.getElement().setAttribute("data-state", command.state().name());
        return badge;
    }

    /**
     * The state badge of {@link #state} as a grid column's template: the browser builds it from three values per row,
     * so that a grid whose commands change sends them alone and not a component per row.
     */
    LitRenderer<DeviceCommand> stateRenderer() {
        return LitRenderer.<DeviceCommand>of("<span class=\"command-state\" theme=\"badge ${item.theme}\""
                        + " data-state=\"${item.state}\">${item.name}</span>")
                .withProperty("state", command -> command.state().name())
                .withProperty("theme", command -> theme(command.state()))
                .withProperty("name", this::stateName);
    }

    private String stateName(DeviceCommand command) {
        return texts.getTranslation("commands.state." + command.state().name());
    }

    String message(DeviceCommand command) {
        return ValueFormat.messageName(texts, command.tsmId());
    }

    /** The differences of a mismatch, Thingsee's words for a failure, or the values sent. */
    String outcome(DeviceCommand command) {
        if (command.state() == CommandState.FAILED && command.failure() != null) {
            return command.failure();
        }
        if (!command.differences().isEmpty()) {
            return command.differences().stream().map(this::difference).collect(Collectors.joining("; "));
        }
        return command.request().entrySet().stream()
                .map(entry -> ValueFormat.label(texts, command.tsmId(), entry.getKey()) + " "
                        + value(command, entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private String difference(FieldDifference difference) {
        return texts.getTranslation(
                "commands.difference",
                difference.field(),
                String.valueOf(difference.requested()),
                difference.echoed() == null
                        ? texts.getTranslation("commands.difference.missing")
                        : String.valueOf(difference.echoed()));
    }

    private String value(DeviceCommand command, String field, Object value) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.getDefault() : ui.getLocale();
        return ValueFormat.value(catalog, command.tsmId(), field, value, locale);
    }

    private static String theme(CommandState state) {
        return switch (state) {
            case CONFIRMED -> "success";
            case MISMATCH, FAILED, TIMED_OUT -> "error";
            case QUEUED, SENT -> "contrast";
            case CANCELED, SUPERSEDED -> "";
        };
    }
}
