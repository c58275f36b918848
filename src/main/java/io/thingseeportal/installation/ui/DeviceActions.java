package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.ui.DevicePageSection;
import io.thingseeportal.installation.DeviceLifecycle;
import io.thingseeportal.installation.WorkOrderService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's actions on a device's page, for installers and admins: uninstall, replace, quarantine and retire,
 * as far as the device's status allows. Each but replace asks first; replace opens a work order that waits for the new
 * sensor to be scanned.
 */
class DeviceActions extends Composite<VerticalLayout> {

    /** Adds the actions to every device page, for the users who may use them. */
    @org.springframework.stereotype.Component
    static class Section implements DevicePageSection {

        private final DeviceLifecycle lifecycle;
        private final WorkOrderService orders;
        private final CurrentUser currentUser;

        Section(DeviceLifecycle lifecycle, WorkOrderService orders, CurrentUser currentUser) {
            this.lifecycle = lifecycle;
            this.orders = orders;
            this.currentUser = currentUser;
        }

        @Override
        public Optional<Component> sectionFor(DeviceDetails device, Runnable deviceChanged) {
            boolean allowed = currentUser
                    .get()
                    .filter(user -> user.hasRole(AppRoles.ADMIN) || user.hasRole(AppRoles.INSTALLER))
                    .isPresent();
            return allowed
                    ? Optional.of(new DeviceActions(device, lifecycle, orders, deviceChanged))
                    : Optional.empty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DeviceActions.class);

    private final String tuid;
    private final DeviceLifecycle lifecycle;
    private final WorkOrderService orders;
    private final Runnable deviceChanged;
    private final FlexLayout buttons = new FlexLayout();
    private final Paragraph said = new Paragraph();

    DeviceActions(DeviceDetails device, DeviceLifecycle lifecycle, WorkOrderService orders, Runnable deviceChanged) {
        this.tuid = device.tuid();
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.deviceChanged = deviceChanged;
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.addClassName("device-actions");
        said.setId("device-action-said");
        var content = getContent();
        content.setPadding(false);
        content.setId("device-actions");
        content.add(new H3(getTranslation("device.actions.title")), buttons, said);
        showButtons(device.installationStatus());
    }

    /** The actions the status allows: all for an installed device, fewer for one in quarantine or removed. */
    private void showButtons(String status) {
        buttons.removeAll();
        switch (status) {
            case "installed" ->
                buttons.add(
                        replace(),
                        action(DeviceLifecycle.Change.UNINSTALL),
                        action(DeviceLifecycle.Change.QUARANTINE),
                        action(DeviceLifecycle.Change.RETIRE));
            case "quarantine" ->
                buttons.add(action(DeviceLifecycle.Change.UNINSTALL), action(DeviceLifecycle.Change.RETIRE));
            case "retired" -> said.setText(getTranslation("device.actions.retired"));
            default -> buttons.add(action(DeviceLifecycle.Change.RETIRE));
        }
    }

    private Button replace() {
        var button = new Button(getTranslation("device.actions.replace"), click -> {
            click.getSource().setEnabled(false);
            UI ui = UI.getCurrent();
            orders.startReplacementInBackground(tuid)
                    .whenComplete((order, failure) -> ui.access(() -> {
                        click.getSource().setEnabled(true);
                        if (failure != null) {
                            log.warn("Starting the replacement of {} failed", tuid, failure);
                            said.setText(getTranslation("work.failure.unexpected"));
                        } else {
                            ui.navigate(WorkOrderView.class, order.id());
                        }
                    }));
        });
        button.setId("device-replace");
        return button;
    }

    private Button action(DeviceLifecycle.Change change) {
        String name = change.name().toLowerCase(Locale.ROOT);
        var button = new Button(getTranslation("device.actions." + name), click -> confirm(change));
        button.setId("device-" + name);
        return button;
    }

    private void confirm(DeviceLifecycle.Change change) {
        String name = change.name().toLowerCase(Locale.ROOT);
        var confirm = new ConfirmDialog();
        confirm.setId("device-action-confirm");
        confirm.setHeader(getTranslation("device.actions." + name + ".title", tuid));
        confirm.setText(getTranslation("device.actions." + name + ".text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("device.actions.cancel"));
        confirm.setConfirmText(getTranslation("device.actions." + name));
        confirm.setConfirmButtonTheme(change == DeviceLifecycle.Change.QUARANTINE ? "primary" : "error primary");
        confirm.addConfirmListener(event -> run(change));
        confirm.open();
    }

    private void run(DeviceLifecycle.Change change) {
        UI ui = UI.getCurrent();
        buttons.getChildren().forEach(button -> ((Button) button).setEnabled(false));
        said.setText(getTranslation("device.actions.running"));
        CompletableFuture<Optional<io.thingseeportal.installation.WorkOrder.Failure>> done =
                lifecycle.changeInBackground(tuid, change);
        done.whenComplete((refused, failure) -> ui.access(() -> {
            buttons.getChildren().forEach(button -> ((Button) button).setEnabled(true));
            if (failure != null) {
                log.warn("{} of {} failed", change, tuid, failure);
                said.setText(getTranslation("work.failure.unexpected"));
            } else if (refused.isPresent()) {
                said.setText(
                        getTranslation(refused.get().messageKey(), refused.get().detail()));
            } else {
                showButtons(change.status().wireValue());
                said.setText(
                        getTranslation("device.actions.done." + change.name().toLowerCase(Locale.ROOT)));
                deviceChanged.run();
            }
        }));
    }
}
