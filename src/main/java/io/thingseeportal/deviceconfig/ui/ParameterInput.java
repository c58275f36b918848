package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageField;
import io.thingseeportal.device.NamedValue;
import io.thingseeportal.device.ParameterType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of a configuration form, made from the catalog: a select of its named values, a whole-number or a
 * decimal field with its range and unit, a text field, or a text field for a list of whole numbers ("4, 4, 11, 11").
 * Its value is what the catalog check takes: null when left empty, so that the parameter is not sent.
 */
final class ParameterInput {

    private final MessageField field;
    private final Component component;
    private final HasValue<?, ?> input;

    ParameterInput(Component texts, int tsmId, MessageField field, @Nullable Object current) {
        this.field = field;
        String label = label(texts, tsmId, field);
        String help = help(texts, tsmId, field);
        if (!field.namedValues().isEmpty()) {
            var select = new Select<NamedValue>();
            select.setItems(field.namedValues());
            String leaveOut = texts.getTranslation("configure.leave-out");
            // The select asks the generator for its empty item's label too, with null.
            select.setItemLabelGenerator(value ->
                    value == null ? leaveOut : texts.getTranslation(value.labelKey()) + " (" + value.value() + ")");
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(leaveOut);
            select.setLabel(label);
            select.setHelperText(help);
            field.namedValue(current == null ? "" : current).ifPresent(select::setValue);
            component = select;
            input = select;
        } else if (field.type() == ParameterType.INTEGER && fitsInt(field)) {
            var number = new IntegerField(label);
            number.setHelperText(help);
            number.setStepButtonsVisible(false);
            number.setMin(Objects.requireNonNull(field.min()).intValue());
            number.setMax(Objects.requireNonNull(field.max()).intValue());
            if (current instanceof Number value) {
                number.setValue(value.intValue());
            }
            component = number;
            input = number;
        } else if (field.type() == ParameterType.INTEGER || field.type() == ParameterType.DECIMAL) {
            // Whole numbers beyond an int's range (a Wirepas node id) or without bounds take any number; the check
            // refuses a fraction with its own words.
            var number = new BigDecimalField(label);
            number.setHelperText(help);
            if (current instanceof Number value) {
                number.setValue(new BigDecimal(value.toString()));
            }
            component = number;
            input = number;
        } else {
            var text = new TextField(label);
            text.setHelperText(help);
            if (current instanceof List<?> list) {
                text.setValue(list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            } else if (current != null) {
                text.setValue(current.toString());
            }
            component = text;
            input = text;
        }
        component.setId("parameter-" + field.name());
    }

    String name() {
        return field.name();
    }

    Component component() {
        return component;
    }

    /** The value to send, as the catalog check takes it; null for a field left empty. */
    @Nullable
    Object value() {
        Object value = input.getValue();
        if (value instanceof NamedValue named) {
            return named.value();
        }
        if (value instanceof String text) {
            if (text.isBlank()) {
                return null;
            }
            return field.type() == ParameterType.INTEGERS ? integers(text) : text;
        }
        return value;
    }

    void addChangeListener(Runnable changed) {
        input.addValueChangeListener(event -> changed.run());
    }

    /** Marks the field with the problem's words, or clears it with null. */
    void problem(@Nullable String text) {
        component.getElement().setProperty("invalid", text != null);
        component.getElement().setProperty("errorMessage", Objects.requireNonNullElse(text, ""));
    }

    /** "4, 4, 11, 11" as whole numbers; anything else as the text, for the check to refuse with its words. */
    private static Object integers(String text) {
        List<Long> numbers = new ArrayList<>();
        for (String part : text.replace("[", "").replace("]", "").split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                numbers.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException notANumber) {
                return text;
            }
        }
        return numbers;
    }

    private static String label(Component texts, int tsmId, String name, @Nullable String unit) {
        String label = texts.getTranslation(MessageCatalog.labelKey(tsmId, name));
        return unit == null ? label : label + " (" + unit + ")";
    }

    private static String label(Component texts, int tsmId, MessageField field) {
        return label(texts, tsmId, field.name(), field.unit());
    }

    private static String help(Component texts, int tsmId, MessageField field) {
        String help = texts.getTranslation(MessageCatalog.helpKey(tsmId, field.name()));
        if (field.min() != null && field.max() != null && field.namedValues().isEmpty()) {
            return help + " "
                    + texts.getTranslation(
                            "configure.range",
                            field.min().toPlainString(),
                            field.max().toPlainString());
        }
        return help;
    }

    private static boolean fitsInt(MessageField field) {
        return field.min() != null
                && field.max() != null
                && field.min().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && field.max().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }
}
