package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupEnvironment;
import io.thingseeportal.group.GroupId;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of the group wizard in three steps (environment, country, name and description), each explaining at once
 * what is wrong with it.
 */
class GroupWizardForm extends Composite<Div> {

    static final int STEPS = 3;

    private final RadioButtonGroup<GroupEnvironment> environment = new RadioButtonGroup<>();
    private final ComboBox<String> country = new ComboBox<>();
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Span preview = new Span();
    private final List<Component> steps;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private boolean nameTouched;

    GroupWizardForm(@Nullable String defaultCountry) {
        environment.setId("environment");
        environment.setLabel(getTranslation("group.wizard.environment"));
        environment.setItems(GroupEnvironment.values());
        environment.setRenderer(new ComponentRenderer<>(this::environmentItem));
        environment.addClassName("group-wizard-environments");
        environment.setManualValidation(true);

        country.setId("country");
        country.setLabel(getTranslation("group.wizard.country"));
        country.setHelperText(getTranslation("group.wizard.country.help"));
        country.setItemLabelGenerator(this::countryLabel);
        Locale locale = getLocale();
        country.setItems(
                (code, filter) -> {
                    String text = filter.strip().toLowerCase(locale);
                    return countryLabel(code).toLowerCase(locale).contains(text) || code.startsWith(text);
                },
                countries());
        country.setValue(defaultCountry == null ? GroupId.NO_COUNTRY : defaultCountry);
        country.setWidthFull();
        country.setManualValidation(true);

        name.setId("name");
        name.setLabel(getTranslation("group.wizard.name"));
        name.setPlaceholder(getTranslation("group.wizard.name.placeholder"));
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.setWidthFull();
        name.setManualValidation(true);
        preview.setId("id-preview");
        preview.addClassName("group-wizard-id");
        description.setId("description");
        description.setLabel(getTranslation("group.wizard.description"));
        description.setValueChangeMode(ValueChangeMode.EAGER);
        description.setWidthFull();
        description.setManualValidation(true);

        environment.addValueChangeListener(event -> changed());
        country.addValueChangeListener(event -> changed());
        name.addValueChangeListener(event -> {
            nameTouched = true;
            changed();
        });
        description.addValueChangeListener(event -> changed());

        steps = List.of(step(environment), step(country), step(name, preview, description));
        getContent().add(steps.toArray(Component[]::new));
        getContent().setWidthFull();
        showStep(0);
        changed();
    }

    /** The inputs as they are now. */
    GroupDraft draft() {
        return new GroupDraft(environment.getValue(), country.getValue(), name.getValue(), description.getValue());
    }

    void showStep(int step) {
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).setVisible(i == step);
        }
    }

    /** Shows every reason the step's inputs are not enough; true when there is none. */
    boolean check(int step) {
        GroupDraft draft = draft();
        return switch (step) {
            case 0 -> show(environment, draft.environment() == null, "group.wizard.environment.required");
            case 1 -> show(country, draft.country() == null, "group.wizard.country.required");
            default -> {
                nameTouched = true;
                showProblems(draft);
                yield draft.id().isPresent();
            }
        };
    }

    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    String environmentLabel(GroupEnvironment value) {
        return getTranslation("group.wizard.environment." + value.code()) + " (" + value.code() + ")";
    }

    String countryLabel(String code) {
        return GroupId.NO_COUNTRY.equals(code)
                ? getTranslation("group.wizard.country.none") + " (" + code + ")"
                : new Locale("", code).getDisplayCountry(getLocale()) + " (" + code.toUpperCase(Locale.ROOT) + ")";
    }

    private void changed() {
        GroupDraft draft = draft();
        String namePart = draft.namePart();
        name.setHelperText(
                namePart.isEmpty()
                        ? getTranslation("group.wizard.name.help")
                        : getTranslation("group.wizard.name.becomes", namePart));
        preview.setText(getTranslation("group.wizard.id-preview", draft.preview()));
        String text = description.getValue().strip();
        description.setHelperText(getTranslation(
                "group.wizard.description.count", text.length(), DeploymentGroup.DESCRIPTION_MAX_LENGTH));
        showProblems(draft);
        if (draft.environment() != null) {
            environment.setInvalid(false);
        }
        if (draft.country() != null) {
            country.setInvalid(false);
        }
        changeListeners.forEach(Runnable::run);
    }

    /** Says what is wrong with the name once the person has typed one, and with the description at once. */
    private void showProblems(GroupDraft draft) {
        Optional<GroupDraft.Reason> nameProblem = nameTouched ? draft.nameProblem() : Optional.empty();
        name.setInvalid(nameProblem.isPresent());
        name.setErrorMessage(nameProblem.map(this::translate).orElse(null));
        Optional<GroupDraft.Reason> descriptionProblem = draft.descriptionProblem();
        description.setInvalid(descriptionProblem.isPresent());
        description.setErrorMessage(descriptionProblem.map(this::translate).orElse(null));
    }

    private boolean show(HasValidation field, boolean missing, String key) {
        field.setInvalid(missing);
        field.setErrorMessage(missing ? getTranslation(key) : null);
        return !missing;
    }

    private String translate(GroupDraft.Reason reason) {
        return getTranslation(reason.key(), reason.arguments().toArray());
    }

    private Component environmentItem(GroupEnvironment value) {
        var label = new Span(environmentLabel(value));
        label.addClassName("group-wizard-environment-name");
        var sentence = new Span(getTranslation(value.descriptionKey()));
        sentence.addClassName("group-wizard-environment-text");
        return new Div(label, sentence);
    }

    private List<String> countries() {
        Collator collator = Collator.getInstance(getLocale());
        var codes = new ArrayList<String>();
        codes.add(GroupId.NO_COUNTRY);
        Arrays.stream(Locale.getISOCountries())
                .map(code -> code.toLowerCase(Locale.ROOT))
                .sorted(Comparator.comparing(this::countryLabel, collator))
                .forEach(codes::add);
        return codes;
    }

    private static Component step(Component... components) {
        var step = new VerticalLayout(components);
        step.setPadding(false);
        return step;
    }
}
