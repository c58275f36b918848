package io.thingseeportal.device.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.device.DesiredConfigurations;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One device: its facts, latest values, a chart over time, its recent messages and reported configuration, and what
 * Thingsee says of it. The page follows the device live: when a message of it is taken in, the page shows it; and
 * every minute its "3 min ago" and whether it is silent too long are worded again. Both happen just before the next
 * response to the browser ({@link DeferredRefresh}): a page whose browser is not connected reads nothing meanwhile.
 */
@Route("devices/:tuid")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
// The sections come from other features through Spring, out of sight of Vaadin's bundle scanner, which loads a route's
// web components with the route: without these, a dialog opened on a freshly loaded device page stays a bare element.
@Uses(Dialog.class)
@Uses(ConfirmDialog.class)
@Uses(BigDecimalField.class)
class DeviceView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    static final String TUID = "tuid";

    private final DeviceDetailsService devices;
    private final DesiredConfigurations desired;
    private final DeviceUpdates updates;
    private final MessageCatalog catalog;
    private final Clock clock;
    private final List<DevicePageSection> sections;
    private final DeferredRefresh changes = new DeferredRefresh(this, this::reload);
    private final DeferredRefresh ticks = new DeferredRefresh(this, this::refreshTimes);
    private @Nullable DeviceSections shown;
    private @Nullable Registration live;
    private @Nullable Registration time;
    /** Whether the device's commands changed since the last reload; touched with the session locked only. */
    private boolean commandsChanged;

    DeviceView(
            DeviceDetailsService devices,
            DesiredConfigurations desired,
            DeviceUpdates updates,
            MessageCatalog catalog,
            Clock clock,
            List<DevicePageSection> sections) {
        this.devices = devices;
        this.desired = desired;
        this.updates = updates;
        this.catalog = catalog;
        this.clock = clock;
        this.sections = sections;
        getContent().setMaxWidth("80rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String tuid = event.getRouteParameters().get(TUID).orElse("");
        getContent().removeAll();
        shown = null;
        unfollow();
        devices.find(tuid).ifPresentOrElse(this::show, () -> {
            getContent().add(new Paragraph(getTranslation("device.page.not-found", tuid)));
            getContent().add(new Anchor("devices", getTranslation("device.page.back")));
        });
    }

    private void show(DeviceDetails device) {
        shown = new DeviceSections(device, devices, desired, catalog, clock, sections);
        getContent().add(shown);
        // The same view shows another device when only the route's TUID changes: it is attached already then.
        getUI().ifPresent(this::follow);
    }

    /** The device changed: the page shows what changed, and its commands when they changed. */
    private void reload() {
        boolean commands = commandsChanged;
        commandsChanged = false;
        DeviceSections current = shown;
        if (current != null) {
            current.deviceChanged(commands);
        }
    }

    /** Time passed: "3 min ago" and whether the device is silent too long are worded again. */
    private void refreshTimes() {
        DeviceSections current = shown;
        if (current != null) {
            current.timePassed();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        follow(ui);
        time = updates.subscribeToTime(() -> ticks.request(ui));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unfollow();
        if (time != null) {
            time.remove();
            time = null;
        }
    }

    /** Follows the shown device only: the rest of the fleet's messages never take the session's lock. */
    private void follow(UI ui) {
        unfollow();
        DeviceSections current = shown;
        if (current != null) {
            live = updates.subscribeWithCommands(
                    current.tuid(), commands -> changes.request(ui, () -> commandsChanged |= commands));
        }
    }

    private void unfollow() {
        if (live != null) {
            live.remove();
            live = null;
        }
    }

    @Override
    public String getPageTitle() {
        return shown == null
                ? getTranslation("device.page.title")
                : getTranslation("device.page.title.of", shown.tuid());
    }
}
