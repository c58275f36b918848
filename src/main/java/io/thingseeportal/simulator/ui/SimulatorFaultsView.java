package io.thingseeportal.simulator.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.simulator.DeviceFaults;
import io.thingseeportal.simulator.FaultSettings;
import io.thingseeportal.simulator.SimulatorFaultService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's control of the simulator's faults in the admin's own stack (named like the tenant): global settings and
 * per-device overrides; an admin whose tenant has no simulated stack is told so. Not registered at startup:
 * {@link SimulatorPageRegistration} adds the route only when the simulator is enabled, so production has no such page.
 */
@Route(value = "simulator", registerAtStartup = false)
@Menu(order = 95, icon = "vaadin:bug", title = "menu.simulator")
@RolesAllowed(AppRoles.ADMIN)
class SimulatorFaultsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final SimulatorFaultService faults;
    private final Binder<FaultSettingsForm.Values> global = new Binder<>();
    private final Binder<FaultSettingsForm.Values> device = new Binder<>();
    private final IntegerField rateLimit = new IntegerField();
    private final ComboBox<String> tuid = new ComboBox<>();
    private final Grid<DeviceFaults> overrides = new Grid<>();

    SimulatorFaultsView(SimulatorFaultService faults) {
        this.faults = faults;
        getContent().add(new H2(getTranslation("simulator.title")));
        getContent().setMaxWidth("60rem");
        faults.stack().ifPresentOrElse(this::showFaults, () -> {
            var none = new Paragraph(getTranslation("simulator.no-stack"));
            none.setId("no-stack");
            getContent().add(none);
        });
    }

    private void showFaults(String stack) {
        var globalForm = new FaultSettingsForm("global-");
        globalForm.bind(global);
        rateLimit.setId("rate-limit");
        rateLimit.setLabel(getTranslation("simulator.rate-limit"));
        rateLimit.setErrorMessage(getTranslation("simulator.invalid.rate-limit"));
        var save = button("save-global", "simulator.save", this::saveGlobal);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var reset = button("reset-faults", "simulator.reset", this::reset);
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR);

        var deviceForm = new FaultSettingsForm("device-");
        deviceForm.bind(device);
        tuid.setId("device-tuid");
        tuid.setLabel(getTranslation("simulator.device"));
        tuid.setItems(faults.deviceTuids());
        tuid.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                device.setBean(FaultSettingsForm.Values.of(faults.effective(change.getValue())));
            }
        });
        overrides.setId("device-overrides");
        overrides.addColumn(DeviceFaults::tuid).setHeader(getTranslation("simulator.device"));
        overrides.addColumn(row -> summary(row.settings())).setHeader(getTranslation("simulator.faults"));
        overrides
                .addComponentColumn(row -> button("remove-" + row.tuid(), "simulator.remove", () -> remove(row)))
                .setKey("remove");
        overrides.setAllRowsVisible(true);

        getContent()
                .add(
                        new Paragraph(getTranslation("simulator.intro", stack)),
                        new H3(getTranslation("simulator.global")),
                        globalForm,
                        rateLimit,
                        new HorizontalLayout(save, reset),
                        new H3(getTranslation("simulator.devices")),
                        tuid,
                        deviceForm,
                        button("save-device", "simulator.save-device", this::saveDevice),
                        overrides);
        refresh();
    }

    private void saveGlobal() {
        Integer limit = rateLimit.getValue();
        rateLimit.setInvalid(limit == null || limit < 1);
        if (global.validate().isOk() && !rateLimit.isInvalid()) {
            faults.update(global.getBean().toSettings(), limit);
            saved();
        }
    }

    private void saveDevice() {
        String chosen = tuid.getValue();
        tuid.setInvalid(chosen == null);
        tuid.setErrorMessage(getTranslation("simulator.device.required"));
        if (chosen != null && device.validate().isOk()) {
            faults.override(chosen, device.getBean().toSettings());
            saved();
        }
    }

    private void remove(DeviceFaults row) {
        faults.removeOverride(row.tuid());
        refresh();
    }

    private void reset() {
        faults.reset();
        saved();
    }

    private void saved() {
        refresh();
        Notification.show(getTranslation("simulator.saved"), 3000, Notification.Position.BOTTOM_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        global.setBean(FaultSettingsForm.Values.of(faults.global()));
        rateLimit.setValue(faults.rateLimit());
        String chosen = tuid.getValue();
        device.setBean(FaultSettingsForm.Values.of(chosen == null ? faults.global() : faults.effective(chosen)));
        overrides.setItems(faults.devices());
    }

    private String summary(FaultSettings settings) {
        List<String> active = new ArrayList<>();
        if (settings.apiLatencyMillis() > 0) {
            active.add(getTranslation("simulator.latency") + " " + settings.apiLatencyMillis());
        }
        if (settings.apiErrorRate() > 0) {
            active.add(getTranslation("simulator.error-rate") + " " + settings.apiErrorRate());
        }
        if (settings.dropRate() > 0) {
            active.add(getTranslation("simulator.drop-rate") + " " + settings.dropRate());
        }
        addIf(active, settings.offline(), "simulator.offline");
        addIf(active, settings.duplicate(), "simulator.duplicate");
        addIf(active, settings.reorder(), "simulator.reorder");
        addIf(active, settings.unclamped(), "simulator.unclamped");
        return active.isEmpty() ? getTranslation("simulator.none") : String.join(", ", active);
    }

    private void addIf(List<String> active, boolean on, String key) {
        if (on) {
            active.add(getTranslation(key));
        }
    }

    private Button button(String id, String key, Runnable action) {
        var button = new Button(getTranslation(key), click -> action.run());
        button.setId(id);
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("simulator.title");
    }
}
