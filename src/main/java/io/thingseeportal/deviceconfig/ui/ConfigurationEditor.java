package io.thingseeportal.deviceconfig.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.thingseeportal.device.CheckedConfiguration;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.ConfigurationProblem;
import io.thingseeportal.device.MessageField;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.device.ui.ValueFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A configuration message built from the catalog: the messages on offer, a field per parameter with its range, unit,
 * named values and help, prefilled with the given values (else the default), and the exact JSON that goes out. An
 * empty field is left out of the message. Tells its owner whether the message can be sent as it stands.
 */
class ConfigurationEditor extends Composite<VerticalLayout> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurationCheck check;
    private final Map<Integer, Map<String, Object>> current;
    private final Consumer<Boolean> sendable;
    private final boolean defaults;
    private final Select<MessageType> message = new Select<>();
    private final FormLayout form = new FormLayout();
    private final Pre preview = new Pre();
    private final Paragraph problem = new Paragraph();
    private final List<ParameterInput> inputs = new ArrayList<>();

    /**
     * @param current per message, the values to start from
     * @param defaults whether a field without a value to start from starts from the catalog's default, or empty (left
     *     out of the message unless it is filled in)
     * @param sendable told, on each change, whether the message can be sent as it stands
     */
    ConfigurationEditor(
            List<MessageType> messages,
            Map<Integer, Map<String, Object>> current,
            boolean defaults,
            ConfigurationCheck check,
            Consumer<Boolean> sendable) {
        this.check = check;
        this.current = current;
        this.defaults = defaults;
        this.sendable = sendable;
        message.setId("configuration-message");
        message.setLabel(getTranslation("configure.message"));
        message.setItems(messages);
        message.setItemLabelGenerator(type -> type == null ? "" : ValueFormat.messageName(this, type.tsmId()));
        message.addValueChangeListener(event -> showFields(event.getValue()));
        message.setWidthFull();
        form.setId("configuration-form");
        preview.setId("configuration-preview");
        preview.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        problem.setId("configuration-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        getContent().setPadding(false);
        getContent().add(message, form, new Paragraph(getTranslation("configure.preview")), preview, problem);
        if (!messages.isEmpty()) {
            message.setValue(messages.get(0));
        }
    }

    @Nullable
    MessageType message() {
        return message.getValue();
    }

    /** The values as the fields hold them; an empty field is null, and not sent. */
    Map<String, @Nullable Object> values() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        inputs.forEach(input -> values.put(input.name(), input.value()));
        return values;
    }

    /** Marks each field with its problem; problems of no field show below the form. */
    void showProblems(List<ConfigurationProblem> problems) {
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

    void say(String text) {
        problem.setText(text);
    }

    private void showFields(@Nullable MessageType type) {
        form.removeAll();
        inputs.clear();
        problem.setText("");
        if (type == null) {
            preview.setText("");
            sendable.accept(false);
            return;
        }
        Map<String, Object> start = current.getOrDefault(type.tsmId(), Map.of());
        for (MessageField field : type.fields()) {
            if (field.readOnly()) {
                continue;
            }
            Object value =
                    start.containsKey(field.name()) ? start.get(field.name()) : defaults ? field.defaultValue() : null;
            var input = new ParameterInput(this, type.tsmId(), field, value);
            input.addChangeListener(this::showPreview);
            inputs.add(input);
            form.add(input.component());
        }
        showPreview();
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
        sendable.accept(checked.valid());
    }
}
