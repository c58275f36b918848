package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import io.thingseeportal.deviceconfig.CommandFilter;
import io.thingseeportal.deviceconfig.CommandState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The command inventory's filters, and the same as the page address's query parameters ({@code ?state=MISMATCH&
 * state=FAILED&tuid=…&group=…&by=…&from=2026-12-01&to=…&job=…}), so that a filtered inventory can be shared as a link.
 */
class CommandFilters extends Composite<HorizontalLayout> {

    private final MultiSelectComboBox<CommandState> states = new MultiSelectComboBox<>();
    private final TextField tuid = new TextField();
    private final ComboBox<String> group = new ComboBox<>();
    private final ComboBox<String> by = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    /** Shown while the inventory is narrowed to one rollout (a link from its page); a click widens it again. */
    private final Button job = new Button(VaadinIcon.CLOSE_SMALL.create());

    private final ZoneId zone;
    private @Nullable Long jobId;
    private boolean setting;

    CommandFilters(List<String> groups, Map<String, String> people, ZoneId zone, Runnable changed) {
        this.zone = zone;
        states.setLabel(getTranslation("command-inventory.state"));
        states.setId("commands-state");
        states.setItems(CommandState.values());
        states.setItemLabelGenerator(state -> getTranslation("commands.state." + state.name()));
        states.setClearButtonVisible(true);
        tuid.setLabel(getTranslation("command-inventory.device"));
        tuid.setId("commands-device");
        tuid.setValueChangeMode(ValueChangeMode.LAZY);
        tuid.setClearButtonVisible(true);
        group.setLabel(getTranslation("command-inventory.group"));
        group.setId("commands-group");
        group.setItems(groups);
        group.setClearButtonVisible(true);
        by.setLabel(getTranslation("command-inventory.by"));
        by.setId("commands-by");
        by.setItems(people.keySet());
        by.setItemLabelGenerator(subject -> Objects.requireNonNullElse(people.get(subject), subject));
        by.setClearButtonVisible(true);
        from.setLabel(getTranslation("command-inventory.from"));
        from.setId("commands-from");
        from.setClearButtonVisible(true);
        to.setLabel(getTranslation("command-inventory.to"));
        to.setId("commands-to");
        to.setClearButtonVisible(true);
        states.addValueChangeListener(event -> changed(changed));
        tuid.addValueChangeListener(event -> changed(changed));
        group.addValueChangeListener(event -> changed(changed));
        by.addValueChangeListener(event -> changed(changed));
        from.addValueChangeListener(event -> changed(changed));
        to.addValueChangeListener(event -> changed(changed));
        job.setId("commands-job");
        job.setIconAfterText(true);
        job.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        job.setTooltipText(getTranslation("command-inventory.job.clear"));
        job.setVisible(false);
        job.addClickListener(event -> {
            showJob(null);
            changed(changed);
        });
        var content = getContent();
        content.add(states, tuid, group, by, from, to, job);
        content.setWrap(true);
        content.setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    private void changed(Runnable changed) {
        if (!setting) {
            changed.run();
        }
    }

    CommandFilter value() {
        return new CommandFilter(
                states.getValue(),
                tuid.getValue(),
                group.getValue(),
                by.getValue(),
                from.getValue(),
                to.getValue(),
                zone,
                jobId);
    }

    /** Shows the filter of a shared link; what it cannot read is left out. Fires no change. */
    void read(QueryParameters parameters) {
        Map<String, List<String>> values = parameters.getParameters();
        setting = true;
        try {
            Set<CommandState> chosen = EnumSet.noneOf(CommandState.class);
            for (String state : values.getOrDefault("state", List.of())) {
                state(state).ifPresent(chosen::add);
            }
            states.setValue(chosen);
            tuid.setValue(single(values, "tuid").orElse(""));
            group.setValue(single(values, "group").orElse(null));
            by.setValue(single(values, "by").orElse(null));
            from.setValue(single(values, "from").flatMap(CommandFilters::date).orElse(null));
            to.setValue(single(values, "to").flatMap(CommandFilters::date).orElse(null));
            showJob(single(values, "job").flatMap(CommandFilters::number).orElse(null));
        } finally {
            setting = false;
        }
    }

    private void showJob(@Nullable Long id) {
        jobId = id;
        job.setVisible(id != null);
        if (id != null) {
            job.setText(getTranslation("command-inventory.job", String.valueOf(id)));
            job.setAriaLabel(getTranslation("command-inventory.job", String.valueOf(id)) + ": "
                    + getTranslation("command-inventory.job.clear"));
        }
    }

    /** The filter as query parameters, for the page's address. */
    QueryParameters parameters() {
        CommandFilter filter = value();
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> chosen = new ArrayList<>();
        filter.states().stream().sorted().forEach(state -> chosen.add(state.name()));
        if (!chosen.isEmpty()) {
            values.put("state", chosen);
        }
        put(values, "tuid", filter.tuid());
        put(values, "group", filter.groupId());
        put(values, "by", filter.createdBy());
        put(values, "from", filter.from() == null ? null : filter.from().toString());
        put(values, "to", filter.to() == null ? null : filter.to().toString());
        put(values, "job", filter.jobId() == null ? null : filter.jobId().toString());
        return new QueryParameters(values);
    }

    private static void put(Map<String, List<String>> values, String name, @Nullable String value) {
        if (value != null) {
            values.put(name, List.of(value));
        }
    }

    private static Optional<String> single(Map<String, List<String>> values, String name) {
        return values.getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    private static Optional<CommandState> state(String name) {
        try {
            return Optional.of(CommandState.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
