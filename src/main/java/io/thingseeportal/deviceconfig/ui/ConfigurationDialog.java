package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.deviceconfig.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A configuration message for one device ({@link ConfigurationEditor}), sent when the admin says so. */
class ConfigurationDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationDialog.class);

    private final String tuid;
    private final DeviceCommandService commands;
    private final Consumer<DeviceCommand> sent;
    private final Button send;
    private final ConfigurationEditor editor;

    /**
     * @param current per message, the values to start from: what the device reported, else what was asked
     * @param sent told of the command once Thingsee has answered, on the UI thread
     */
    ConfigurationDialog(
            String tuid,
            List<MessageType> messages,
            Map<Integer, Map<String, Object>> current,
            DeviceCommandService commands,
            ConfigurationCheck check,
            Consumer<DeviceCommand> sent) {
        this.tuid = tuid;
        this.commands = commands;
        this.sent = sent;
        setHeaderTitle(getTranslation("configure.title", tuid));
        setId("configuration-dialog");
        send = new Button(getTranslation("configure.send"), click -> send());
        send.setId("configuration-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        editor = new ConfigurationEditor(messages, current, true, check, send::setEnabled);
        getFooter().add(new Button(getTranslation("configure.cancel"), click -> close()), send);
        add(editor);
        setMaxWidth("40rem");
    }

    private void send() {
        MessageType type = editor.message();
        if (type == null) {
            return;
        }
        UI ui = UI.getCurrent();
        send.setEnabled(false);
        editor.say(getTranslation("configure.sending"));
        commands.configureInBackground(tuid, type.tsmId(), editor.values())
                .whenComplete((command, failure) -> ui.access(() -> {
                    if (failure == null) {
                        close();
                        sent.accept(command);
                        return;
                    }
                    send.setEnabled(true);
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    if (cause instanceof InvalidConfigurationException invalid) {
                        editor.showProblems(invalid.problems());
                    } else {
                        log.warn("Configuring {} failed", tuid, cause);
                        editor.say(getTranslation("configure.failed"));
                    }
                }));
    }
}
