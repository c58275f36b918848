package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.ConfigurationComparison;
import io.thingseeportal.device.DesiredConfigurations;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.device.ui.DevicePageSection;
import io.thingseeportal.device.ui.ValueFormat;
import io.thingseeportal.deviceconfig.CommandState;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote configuration on a device's page: find the sensor (LED blink, ping), configure it (admins), and its recent
 * commands with their state, which follows the device's echoes live (the page tells it when its commands changed).
 */
class DeviceCommandsPanel extends Composite<VerticalLayout> implements DevicePageSection.FollowsCommands {

    static final int SHOWN = 20;
    private static final Logger log = LoggerFactory.getLogger(DeviceCommandsPanel.class);

    /** What the panel needs of the portal, and what the signed-in user may do. */
    record Parts(
            DeviceCommandService commands,
            DesiredConfigurations desired,
            ConfigurationCheck check,
            MessageCatalog catalog,
            boolean mayFind,
            boolean mayConfigure) {}

    private final String tuid;
    private final Parts parts;
    private final Runnable deviceChanged;
    private final CommandTexts texts;
    private final Grid<DeviceCommand> grid = new Grid<>();
    /** The commands the grid shows, newest first; touched with the session locked only. */
    private final List<DeviceCommand> shown = new ArrayList<>();

    private final GridListDataView<DeviceCommand> rows;
    private final Paragraph said = new Paragraph();

    DeviceCommandsPanel(String tuid, Parts parts, Runnable deviceChanged) {
        this.tuid = tuid;
        this.parts = parts;
        this.deviceChanged = deviceChanged;
        this.texts = new CommandTexts(this, parts.catalog());
        var content = getContent();
        content.setPadding(false);
        content.setId("device-commands-panel");
        var buttons = new FlexLayout();
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-s)");
        if (parts.mayFind()) {
            buttons.add(button("identify", () -> parts.commands().identifyInBackground(tuid)));
            buttons.add(button("ping", () -> parts.commands().pingInBackground(tuid)));
        }
        List<MessageType> messages = parts.commands().messagesFor(tuid);
        if (parts.mayConfigure() && !messages.isEmpty()) {
            var configure = new Button(getTranslation("device.commands.configure"), click -> configure(messages));
            configure.setId("device-configure");
            buttons.add(configure);
        }
        said.setId("device-command-said");
        grid.setId("device-commands");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(command -> ValueFormat.dateTime(command.createdAt(), getLocale()))
                .setHeader(getTranslation("commands.column.time"))
                .setAutoWidth(true);
        grid.addColumn(texts::message)
                .setHeader(getTranslation("commands.column.message"))
                .setAutoWidth(true);
        grid.addColumn(texts.stateRenderer())
                .setKey("state")
                .setHeader(getTranslation("commands.column.state"))
                .setAutoWidth(true);
        grid.addColumn(DeviceCommand::createdByName).setHeader(getTranslation("commands.column.by"));
        grid.addColumn(texts::outcome)
                .setHeader(getTranslation("commands.column.outcome"))
                .setFlexGrow(2);
        if (parts.mayFind()) {
            // Only a failed command has a button: the others' rows carry no component to build and send.
            grid.addComponentColumn(command -> command.state() == CommandState.FAILED ? retry(command) : null)
                    .setKey("retry")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        content.add(new H3(getTranslation("device.commands.title")), buttons, said, grid);
        rows = grid.setItems(shown);
        rows.setIdentifierProvider(DeviceCommand::id);
        reload();
    }

    private Button button(String name, Supplier<CompletableFuture<DeviceCommand>> send) {
        var button = new Button(getTranslation("device.commands." + name));
        button.setId("device-" + name);
        button.addClickListener(click -> run(button, send, "device.commands." + name + ".sent"));
        return button;
    }

    private void run(Button button, Supplier<CompletableFuture<DeviceCommand>> send, String sentKey) {
        UI ui = UI.getCurrent();
        button.setEnabled(false);
        said.setText(getTranslation("device.commands.sending"));
        send.get()
                .whenComplete((command, failure) -> ui.access(() -> {
                    button.setEnabled(true);
                    if (failure != null) {
                        log.warn("A command to {} failed", tuid, failure);
                        said.setText(getTranslation("device.commands.failed"));
                    } else {
                        showSent(command, sentKey);
                    }
                }));
    }

    private void showSent(DeviceCommand command, String sentKey) {
        said.setText(
                command.state() == CommandState.FAILED
                        ? getTranslation("device.commands.refused", String.valueOf(command.failure()))
                        : getTranslation(sentKey, String.valueOf(command.transactionId())));
        reload();
        deviceChanged.run();
    }

    private Button retry(DeviceCommand command) {
        var retry = new Button(getTranslation("device.commands.retry"));
        retry.addClassName("command-retry");
        retry.addClickListener(
                click -> run(retry, () -> parts.commands().retryInBackground(command.id()), "device.commands.retried"));
        return retry;
    }

    private void configure(List<MessageType> messages) {
        Map<Integer, Map<String, Object>> current = new HashMap<>();
        for (ConfigurationComparison message : parts.desired().compare(tuid)) {
            Map<String, Object> values = new LinkedHashMap<>(message.desired());
            if (message.reported() != null) {
                values.putAll(message.reported().fields());
            }
            current.put(message.tsmId(), values);
        }
        new ConfigurationDialog(
                        tuid,
                        messages,
                        current,
                        parts.commands(),
                        parts.check(),
                        command -> showSent(command, "device.commands.configured"))
                .open();
    }

    /**
     * Reads the device's commands again. When they are the same commands as shown (an echo, a time-out, a failure
     * changed some of them), only the rows that changed are sent to the browser again; a new command renders them all.
     */
    private void reload() {
        List<DeviceCommand> now = parts.commands().ofDevice(tuid, SHOWN);
        if (!ids(now).equals(ids(shown))) {
            shown.clear();
            shown.addAll(now);
            rows.refreshAll();
            return;
        }
        for (int i = 0; i < now.size(); i++) {
            DeviceCommand command = now.get(i);
            if (!command.equals(shown.get(i))) {
                shown.set(i, command);
                rows.refreshItem(command);
            }
        }
    }

    private static List<Long> ids(List<DeviceCommand> commands) {
        return commands.stream().map(DeviceCommand::id).toList();
    }

    /** The page follows the device: a command sent, answered or timed out shows here. */
    @Override
    public void commandsChanged() {
        reload();
    }
}
