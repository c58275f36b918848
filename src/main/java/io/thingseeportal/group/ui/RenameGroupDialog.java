package io.thingseeportal.group.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupIdProblem;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Asks for the group's new id, checked by the group id rules as it is typed, with the reason when it is invalid. It
 * stays open with the input kept until the rename succeeds; a failure is shown on the field.
 */
class RenameGroupDialog extends Dialog {

    private final TextField newId = new TextField();
    private final Button confirm = new Button();

    /**
     * @param rename starts the rename; its future completes in the background
     * @param onRenamed runs in the UI once the group has its new id
     */
    RenameGroupDialog(
            GroupId current,
            Function<GroupId, CompletableFuture<DeploymentGroup>> rename,
            Consumer<DeploymentGroup> onRenamed) {
        setHeaderTitle(getTranslation("group.rename.title", current.value()));
        newId.setId("new-group-id");
        newId.setLabel(getTranslation("group.rename.new-id"));
        newId.setValue(current.value());
        newId.setWidthFull();
        newId.setValueChangeMode(ValueChangeMode.EAGER);
        newId.addValueChangeListener(change -> check());
        confirm.setText(getTranslation("group.rename.confirm"));
        confirm.setId("confirm-rename");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            if (check()) {
                GroupId chosen = GroupId.parse(newId.getValue().strip());
                if (chosen.equals(current)) {
                    showError(getTranslation("group.rename.same"));
                    return;
                }
                start(rename, chosen, onRenamed);
            }
        });
        add(newId);
        getFooter().add(new Button(getTranslation("group.cancel"), click -> close()), confirm);
        setWidth("32rem");
    }

    private void start(
            Function<GroupId, CompletableFuture<DeploymentGroup>> rename,
            GroupId chosen,
            Consumer<DeploymentGroup> onRenamed) {
        UI ui = UI.getCurrent();
        this.confirm.setEnabled(false);
        try {
            rename.apply(chosen)
                    .whenComplete((renamed, error) -> DeviceBatchPanel.access(ui, () -> {
                        if (error != null) {
                            showError(GroupErrors.describe(this, error));
                        } else {
                            close();
                            onRenamed.accept(renamed);
                        }
                    }));
        } catch (RuntimeException refused) {
            showError(GroupErrors.describe(this, refused));
        }
    }

    /** The rename failed: says why, keeps the input and lets the user try again. */
    void showError(String message) {
        newId.setErrorMessage(message);
        newId.setInvalid(true);
        confirm.setEnabled(true);
    }

    private boolean check() {
        Optional<GroupIdProblem> problem = GroupId.problemOf(newId.getValue().strip());
        problem.ifPresentOrElse(
                found -> showError(
                        getTranslation(found.messageKey(), found.arguments().toArray())),
                () -> newId.setInvalid(false));
        return problem.isEmpty();
    }
}
