package io.thingseeportal.group.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.device.DeviceService;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.ui.DeferredRefresh;
import io.thingseeportal.deviceconfig.ui.RolloutLauncher;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One deployment group: its facts, its devices and what was done to it. Admins move or remove selected devices,
 * rename the group or delete it; viewers only read. Thingsee's side of every change runs in the background. The device
 * grid follows the devices' messages live, read just before the next response to the browser ({@link
 * DeferredRefresh}).
 */
@Route("groups/:groupId")
@RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
class GroupView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    static final String GROUP_ID = "groupId";

    private final GroupService groups;
    private final BulkJobs jobs;
    private final DeviceService devices;
    private final DeviceUpdates updates;
    private final RolloutLauncher rollouts;
    private final boolean admin;
    private final HorizontalLayout actions = new HorizontalLayout();
    private String title = "";
    private @Nullable GroupDeviceGrid grid;
    private @Nullable Registration subscription;
    private final DeferredRefresh.OfDevices rowChanges = new DeferredRefresh.OfDevices(this, this::refreshChangedRows);

    GroupView(
            GroupService groups,
            BulkJobs jobs,
            DeviceService devices,
            DeviceUpdates updates,
            RolloutLauncher rollouts,
            CurrentUser currentUser) {
        this.groups = groups;
        this.rollouts = rollouts;
        this.jobs = jobs;
        this.devices = devices;
        this.updates = updates;
        this.admin = currentUser.require().hasRole(AppRoles.ADMIN);
    }

    static RouteParameters parameters(GroupId id) {
        return new RouteParameters(GROUP_ID, id.value());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String text = event.getRouteParameters().get(GROUP_ID).orElse("");
        Optional<DeploymentGroup> group =
                GroupId.problemOf(text).isEmpty() ? groups.find(GroupId.parse(text)) : Optional.empty();
        getContent().removeAll();
        grid = null;
        group.ifPresentOrElse(this::show, () -> showMessage(getTranslation("group.not-found", text)));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        subscription = updates.subscribe(tuids -> rowChanges.request(ui, tuids));
    }

    private void refreshChangedRows(Set<String> tuids) {
        if (grid != null) {
            grid.refreshChanged(tuids);
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private void show(DeploymentGroup group) {
        GroupId id = group.id();
        title = id.value();
        var grid = new GroupDeviceGrid(devices, id.value(), admin);
        this.grid = grid;
        var facts = new GroupFacts(group, devices.countGroupDevices(id.value()));
        var history = new GroupHistory();
        history.show(groups.changes(id));
        actions.setWrap(true);
        var batch = new DeviceBatchPanel(jobs, groups, busy -> actions.setEnabled(!busy), report -> {
            if (report.groupDeleted()) {
                showMessage(getTranslation("group.delete.done", id.value()));
                return;
            }
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
            facts.setDeviceCount(devices.countGroupDevices(id.value()));
            history.show(groups.changes(id));
        });
        getContent().add(new H2(id.value()), facts);
        if (admin) {
            addActions(group, grid, batch);
            getContent().add(actions, batch);
        }
        getContent().add(grid, new H3(getTranslation("group.history.title")), history);
    }

    private void addActions(DeploymentGroup group, GroupDeviceGrid grid, DeviceBatchPanel batch) {
        GroupId id = group.id();
        var move = button("move-devices", "group.move", () -> {
            List<String> tuids = selected(grid);
            new MoveDevicesDialog(
                            groups,
                            id,
                            tuids.size(),
                            target -> batch.start(
                                    chosen -> CompletableFuture.completedFuture(groups.moveDevices(id, chosen, target)),
                                    tuids,
                                    "group.move.done"))
                    .open();
        });
        var remove = button(
                "remove-devices",
                "group.remove",
                () -> batch.start(
                        chosen -> CompletableFuture.completedFuture(groups.removeDevices(id, chosen)),
                        selected(grid),
                        "group.remove.done"));
        move.setEnabled(false);
        remove.setEnabled(false);
        grid.addSelectionListener(selection -> {
            move.setEnabled(!selection.getAllSelectedItems().isEmpty());
            remove.setEnabled(!selection.getAllSelectedItems().isEmpty());
        });
        // With devices chosen, the rollout goes to them; with none, to the whole group.
        var configure = button("configure-devices", "group.configure", () -> rollouts.open(id.value(), selected(grid)));
        var rename = button("rename-group", "group.rename", () -> rename(id));
        var delete = button("delete-group", "group.delete", () -> confirmDelete(id, batch));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.removeAll();
        actions.add(move, remove, configure, rename, delete);
    }

    private void rename(GroupId id) {
        new RenameGroupDialog(
                        id,
                        newId -> groups.rename(id, newId),
                        renamed -> UI.getCurrent().navigate(GroupView.class, parameters(renamed.id())))
                .open();
    }

    private void confirmDelete(GroupId id, DeviceBatchPanel batch) {
        long count = devices.countGroupDevices(id.value());
        var confirm = new ConfirmDialog();
        confirm.setId("confirm-delete");
        confirm.setHeader(getTranslation("group.delete.title", id.value()));
        confirm.setText(getTranslation("group.delete.text", String.valueOf(count)));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("group.cancel"));
        confirm.setConfirmText(getTranslation("group.delete.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> batch.start(tuids -> groups.delete(id), List.of(), "group.delete.report"));
        confirm.open();
    }

    private void showMessage(String message) {
        getContent().removeAll();
        var back = new Anchor("groups", getTranslation("group.back"));
        getContent().add(new Paragraph(message), back);
    }

    private Button button(String id, String key, Runnable action) {
        var button = new Button(getTranslation(key), click -> action.run());
        button.setId(id);
        return button;
    }

    private static List<String> selected(GroupDeviceGrid grid) {
        return grid.getSelectedItems().stream()
                .map(device -> device.tuid())
                .sorted()
                .toList();
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("group.title") : getTranslation("group.title.of", title);
    }
}
