package io.thingseeportal.group.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.function.SerializableConsumer;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;

/** Picks the group the selected devices go to: the tenant's groups, found as you type and loaded lazily. */
class MoveDevicesDialog extends Dialog {

    private final ComboBox<DeploymentGroup> target = new ComboBox<>();

    MoveDevicesDialog(GroupService groups, GroupId from, int devices, SerializableConsumer<GroupId> onMove) {
        setHeaderTitle(getTranslation("group.move.title", String.valueOf(devices)));
        target.setId("target-group");
        target.setLabel(getTranslation("group.move.target"));
        target.setWidthFull();
        target.setItemLabelGenerator(group ->
                group.description() == null ? group.id().value() : group.id().value() + " – " + group.description());
        target.setItems(query ->
                groups.findMatching(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        var move = new Button(getTranslation("group.move.confirm"), click -> {
            DeploymentGroup chosen = target.getValue();
            if (chosen == null || chosen.id().equals(from)) {
                target.setErrorMessage(
                        getTranslation(chosen == null ? "group.move.target.required" : "group.move.target.same"));
                target.setInvalid(true);
                return;
            }
            close();
            onMove.accept(chosen.id());
        });
        move.setId("confirm-move");
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(target);
        getFooter().add(new Button(getTranslation("group.cancel"), click -> close()), move);
        setWidth("32rem");
    }
}
