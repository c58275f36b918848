package io.thingseeportal.deviceconfig.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import io.thingseeportal.device.CheckedConfiguration;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.ConfigurationProblem;
import io.thingseeportal.device.MessageField;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.device.ui.ValueFormat;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.deviceconfig.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configuration message for one device, built from the catalog: the messages the device's product takes, a field
 * per parameter with its range, unit, named values and help, prefilled with what the device last reported (else what
 * was last asked, else the default), and the exact JSON that goes out. An empty field is left out of the message.
 */
class ConfigurationDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationDialog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tuid;
    private final DeviceCommandService commands;
    private final ConfigurationCheck check;
    private final Map<Integer, Map<String, Object>> current;
    private final Consumer<DeviceCommand> sent;
    private final Select<MessageType> message = new Select<>();
    private final FormLayout form = new FormLayout();
    private final Pre preview = new Pre();
    private final Paragraph problem = new Paragraph();
    private final Button send;
    private final List<ParameterInput> inputs = new ArrayList<>();

    /**
     * @param current per message, the values to start from
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
        this.check = check;
        this.current = current;
        this.sent = sent;
        setHeaderTitle(getTranslation("configure.title", tuid));
        setId("configuration-dialog");
        message.setId("configuration-message");
        message.setLabel(getTranslation("configure.message"));
        message.setItems(messages);
        message.setItemLabelGenerator(type -> ValueFormat.messageName(this, type.tsmId()));
        message.addValueChangeListener(event -> showFields(event.getValue()));
        message.setWidthFull();
        form.setId("configuration-form");
        preview.setId("configuration-preview");
        preview.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        problem.setId("configuration-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        send = new Button(getTranslation("configure.send"), click -> send());
        send.setId("configuration-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("configure.cancel"), click -> close());
        getFooter().add(cancel, send);
        add(message, form, new Paragraph(getTranslation("configure.preview")), preview, problem);
        setMaxWidth("40rem");
        if (!messages.isEmpty()) {
            message.setValue(messages.get(0));
        }
    }

    private void showFields(@Nullable MessageType type) {
        form.removeAll();
        inputs.clear();
        problem.setText("");
        if (type == null) {
            preview.setText("");
            return;
        }
        Map<String, Object> start = current.getOrDefault(type.tsmId(), Map.of());
        for (MessageField field : type.fields()) {
            if (field.readOnly()) {
                continue;
            }
            Object value = start.containsKey(field.name()) ? start.get(field.name()) : field.defaultValue();
            var input = new ParameterInput(this, type.tsmId(), field, value);
            input.addChangeListener(this::showPreview);
            inputs.add(input);
            form.add(input.component());
        }
        showPreview();
    }

    private Map<String, @Nullable Object> values() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        inputs.forEach(input -> values.put(input.name(), input.value()));
        return values;
    }

    /** The message as it goes out: header, then the checked values; Thingsee gets a transactionId of its own too. */
    private void showPreview() {
        MessageType type = message.getValue();
        if (type == null) {
            return;
        }
        CheckedConfiguration checked = check.check(type.tsmId(), values());
        showProblems(checked.problems());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tsmId", type.tsmId());
        json.put("tsmEv", type.requestEvent().orElse(0));
        json.putAll(checked.values());
        try {
            preview.setText("[" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "]\n"
                    + getTranslation("configure.preview.transaction"));
        } catch (JsonProcessingException e) {
            preview.setText(json.toString());
        }
        send.setEnabled(checked.valid());
    }

    private void showProblems(List<ConfigurationProblem> problems) {
        inputs.forEach(input -> input.problem(null));
        List<String> general = new ArrayList<>();
        for (ConfigurationProblem found : problems) {
            String text = getTranslation(found.messageKey(), found.arguments().toArray());
            inputs.stream()
                    .filter(input -> input.name().equals(found.field()))
                    .findFirst()
                    .ifPresentOrElse(input -> input.problem(text), () -> general.add(text));
        }
        problem.setText(String.join(" ", general));
    }

    private void send() {
        MessageType type = message.getValue();
        if (type == null) {
            return;
        }
        UI ui = UI.getCurrent();
        send.setEnabled(false);
        problem.setText(getTranslation("configure.sending"));
        commands.configureInBackground(tuid, type.tsmId(), values())
                .whenComplete((command, failure) -> ui.access(() -> {
                    if (failure == null) {
                        close();
                        sent.accept(command);
                        return;
                    }
                    send.setEnabled(true);
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    if (cause instanceof InvalidConfigurationException invalid) {
                        showProblems(invalid.problems());
                    } else {
                        log.warn("Configuring {} failed", tuid, cause);
                        problem.setText(getTranslation("configure.failed"));
                    }
                }));
    }
}
