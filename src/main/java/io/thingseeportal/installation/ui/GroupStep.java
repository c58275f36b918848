package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupNotFoundException;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.installation.WorkOrder;
import io.thingseeportal.installation.WorkOrderPlaces;
import io.thingseeportal.installation.WorkOrderService;
import java.util.function.Consumer;

/**
 * The group step: one of the tenant's existing groups, searchable, preset to the one last used at the asset's site or
 * by the installer.
 */
class GroupStep extends Composite<VerticalLayout> {

    GroupStep(
            WorkOrder order,
            WorkOrderPlaces places,
            WorkOrderService orders,
            GroupService groups,
            Consumer<WorkOrder> show) {
        var group = new ComboBox<DeploymentGroup>(getTranslation("work.group.label"));
        group.setId("work-group");
        group.setWidthFull();
        group.setItems(query ->
                groups.findMatching(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        group.setItemLabelGenerator(candidate -> candidate.description() == null
                ? candidate.id().value()
                : candidate.id().value() + " · " + candidate.description());
        String preset = order.groupId();
        if (preset != null && GroupId.problemOf(preset).isEmpty()) {
            groups.find(GroupId.parse(preset)).ifPresent(group::setValue);
        }
        group.setRequiredIndicatorVisible(true);

        var next = WorkOrderParts.primary("work-next", "work.next", button -> {
            if (group.getValue() == null) {
                group.setErrorMessage(getTranslation("work.group.required"));
                group.setInvalid(true);
                return;
            }
            try {
                show.accept(places.chooseGroup(order.id(), group.getValue().id()));
            } catch (GroupNotFoundException gone) {
                // Deleted or renamed by an admin while the installer was choosing.
                group.setErrorMessage(
                        getTranslation("group.not-found", gone.groupId().value()));
                group.setInvalid(true);
                group.getDataProvider().refreshAll();
            }
        });
        var back = WorkOrderParts.secondary("work-back", "work.back", button -> show.accept(orders.back(order.id())));

        var content = getContent();
        content.setPadding(false);
        content.setAlignItems(VerticalLayout.Alignment.STRETCH);
        if (groups.countGroups() == 0) {
            var none = new Paragraph(getTranslation("work.group.none"));
            none.setId("work-no-groups");
            content.add(none, back);
            return;
        }
        content.add(group, next, back);
    }
}
