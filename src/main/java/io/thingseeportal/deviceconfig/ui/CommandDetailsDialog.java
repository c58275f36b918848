package io.thingseeportal.deviceconfig.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.ui.ValueFormat;
import io.thingseeportal.deviceconfig.DeviceCommand;
import io.thingseeportal.deviceconfig.FieldDifference;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One command in full: who sent what to which device and when, the request, the echo and where they differ. */
class CommandDetailsDialog extends Dialog {

    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final DeviceCommand command;
    private final MessageCatalog catalog;

    CommandDetailsDialog(DeviceCommand command, CommandTexts texts, MessageCatalog catalog) {
        this.command = command;
        this.catalog = catalog;
        setId("command-details");
        setHeaderTitle(texts.message(command));
        setWidth("min(48rem, 100vw)");
        var facts = new FormLayout();
        facts.setId("command-details-facts");
        facts.addFormItem(
                new Anchor("devices/" + command.tuid(), command.tuid()), getTranslation("command-inventory.device"));
        facts.addFormItem(texts.state(command), getTranslation("commands.column.state"));
        facts.addFormItem(
                new Span(String.valueOf(command.transactionId())), getTranslation("command-inventory.transaction"));
        facts.addFormItem(
                new Span(command.groupId() == null ? "" : command.groupId()),
                getTranslation("command-inventory.group"));
        facts.addFormItem(new Span(command.createdByName()), getTranslation("commands.column.by"));
        facts.addFormItem(time(command.createdAt()), getTranslation("command-inventory.created"));
        facts.addFormItem(time(command.sentAt()), getTranslation("command-inventory.sent"));
        facts.addFormItem(time(command.deadlineAt()), getTranslation("command-inventory.deadline"));
        facts.addFormItem(time(command.echoedAt()), getTranslation("command-inventory.echoed"));
        add(facts);
        if (command.failure() != null) {
            var failure = new Paragraph(getTranslation("command-inventory.failure", command.failure()));
            failure.setId("command-details-failure");
            add(failure);
        }
        add(new H4(getTranslation("command-inventory.request")), json("command-details-request", command.request()));
        add(new H4(getTranslation("command-inventory.echo")));
        if (command.echo() == null) {
            var none = new Paragraph(getTranslation("command-inventory.no-echo"));
            none.setId("command-details-echo");
            add(none);
        } else {
            add(json("command-details-echo", command.echo()));
        }
        if (!command.differences().isEmpty()) {
            add(new H4(getTranslation("command-inventory.differences")), differences());
        }
        var close = new Button(getTranslation("command-inventory.close"), click -> close());
        close.setId("command-details-close");
        getFooter().add(close);
    }

    private Grid<FieldDifference> differences() {
        var grid = new Grid<FieldDifference>();
        grid.setId("command-details-differences");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(difference -> ValueFormat.label(this, command.tsmId(), difference.field()))
                .setHeader(getTranslation("command-inventory.field"));
        grid.addColumn(difference -> value(difference.field(), difference.requested()))
                .setHeader(getTranslation("command-inventory.requested"));
        grid.addColumn(difference -> difference.echoed() == null
                        ? getTranslation("commands.difference.missing")
                        : value(difference.field(), difference.echoed()))
                .setHeader(getTranslation("command-inventory.echoed-value"));
        grid.setItems(command.differences());
        return grid;
    }

    private String value(String field, @Nullable Object value) {
        return ValueFormat.value(catalog, command.tsmId(), field, value, getLocale());
    }

    private Component time(@Nullable Instant time) {
        return new Span(time == null ? "–" : ValueFormat.dateTime(time, getLocale()));
    }

    private static Pre json(String id, Object value) {
        String text;
        try {
            text = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            text = String.valueOf(value);
        }
        var pre = new Pre(text);
        pre.setId(id);
        pre.addClassName("command-json");
        return pre;
    }
}
