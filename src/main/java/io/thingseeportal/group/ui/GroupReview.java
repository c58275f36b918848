package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.group.GroupId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/** Everything chosen in the wizard before the group is created, each with a way back to change it. */
class GroupReview extends Composite<Div> {

    private final GroupWizardForm form;
    private final IntConsumer change;
    private final List<Button> changeButtons = new ArrayList<>();

    GroupReview(GroupWizardForm form, IntConsumer change) {
        this.form = form;
        this.change = change;
        getContent().setId("review");
        getContent().addClassName("group-wizard-review");
    }

    void show(GroupDraft draft, GroupId id) {
        getContent().removeAll();
        changeButtons.clear();
        String description = draft.description();
        row(0, "environment", form.environmentLabel(Objects.requireNonNull(draft.environment())));
        row(1, "country", form.countryLabel(id.country()));
        row(2, "name", id.name());
        row(2, "description", description == null ? getTranslation("group.wizard.review.no-description") : description);
        var fullId = new Span(id.value());
        fullId.setId("review-id");
        fullId.addClassName("group-wizard-id");
        getContent().add(new Div(label("group.wizard.review.id"), fullId));
    }

    void setChangeEnabled(boolean enabled) {
        changeButtons.forEach(button -> button.setEnabled(enabled));
    }

    private void row(int step, String field, String value) {
        var text = new Span(value);
        text.setId("review-" + field);
        var changeButton = new Button(getTranslation("group.wizard.review.change"), click -> change.accept(step));
        changeButton.setId("change-" + field);
        changeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        changeButton.addClassName("group-wizard-review-change");
        changeButton.setAriaLabel(getTranslation("group.wizard.review.change-field", getTranslation(labelKey(field))));
        changeButtons.add(changeButton);
        var row = new Div(label(labelKey(field)), text, changeButton);
        row.addClassName("group-wizard-review-row");
        getContent().add(row);
    }

    private Span label(String key) {
        var label = new Span(getTranslation(key));
        label.addClassName("group-wizard-review-label");
        return label;
    }

    private static String labelKey(String field) {
        return "group.wizard." + field;
    }
}
