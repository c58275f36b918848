package io.thingseeportal.device.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * One device: its facts, latest values, a chart over time, its recent messages and reported configuration, and what
 * Thingsee says of it. The page follows the device live: when a message of it is taken in, the page shows it; and
 * every minute its "3 min ago" and whether it is silent too long are worded again.
 */
@Route("devices/:tuid")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
class DeviceView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    static final String TUID = "tuid";

    private final DeviceDetailsService devices;
    private final DeviceUpdates updates;
    private final MessageCatalog catalog;
    private final Clock clock;
    private @Nullable Shown shown;
    private @Nullable Registration live;
    private @Nullable Registration ticks;

    /** The parts of the page of the device it shows. */
    private record Shown(
            String tuid,
            DeviceFacts facts,
            DeviceFields values,
            DeviceFields configuration,
            DeviceChartPanel chart,
            DeviceMessages messages) {}

    DeviceView(DeviceDetailsService devices, DeviceUpdates updates, MessageCatalog catalog, Clock clock) {
        this.devices = devices;
        this.updates = updates;
        this.catalog = catalog;
        this.clock = clock;
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
        String tuid = device.tuid();
        var facts = new DeviceFacts();
        var values = new DeviceFields(catalog, "value", "device.page.values.none");
        var configuration = new DeviceFields(catalog, "config", "device.page.configuration.none");
        var chart = new DeviceChartPanel(devices, tuid);
        var messages = new DeviceMessages(devices, tuid);
        shown = new Shown(tuid, facts, values, configuration, chart, messages);
        var title = new H2(tuid);
        title.setId("device-title");
        getContent()
                .add(
                        title,
                        facts,
                        new DeviceThingseePanel(devices, tuid, this::reload),
                        new H3(getTranslation("device.page.values")),
                        values,
                        new H3(getTranslation("device.page.chart")),
                        chart,
                        new H3(getTranslation("device.page.messages")),
                        messages,
                        new H3(getTranslation("device.page.configuration")),
                        configuration);
        showState(shown, device);
        // The same view shows another device when only the route's TUID changes: it is attached already then.
        getUI().ifPresent(this::follow);
    }

    /** The device changed: its facts and values read again, new readings appended to the chart. */
    private void reload() {
        Shown current = shown;
        if (current == null) {
            return;
        }
        devices.find(current.tuid()).ifPresent(device -> showState(current, device));
        current.chart().update();
        current.messages().update();
    }

    /** Time passed: "3 min ago" and whether the device is silent too long are worded again. */
    private void refreshTimes() {
        Shown current = shown;
        if (current != null) {
            devices.find(current.tuid()).ifPresent(device -> current.facts().show(device, clock.instant()));
        }
    }

    private void showState(Shown current, DeviceDetails device) {
        current.facts().show(device, clock.instant());
        current.values()
                .show(devices.latestValues(device.tuid()).stream()
                        .map(value -> new DeviceFields.Entry(value.tsmId(), value.time(), value.fields()))
                        .toList());
        current.configuration()
                .show(devices.reportedConfiguration(device.tuid()).stream()
                        .map(config -> new DeviceFields.Entry(config.tsmId(), config.time(), config.fields()))
                        .toList());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        follow(ui);
        ticks = updates.subscribeToTime(() -> access(ui, this::refreshTimes));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unfollow();
        if (ticks != null) {
            ticks.remove();
            ticks = null;
        }
    }

    /** Follows the shown device only: the rest of the fleet's messages never take the session's lock. */
    private void follow(UI ui) {
        unfollow();
        Shown current = shown;
        if (current != null) {
            live = updates.subscribe(current.tuid(), () -> access(ui, this::reload));
        }
    }

    private void unfollow() {
        if (live != null) {
            live.remove();
            live = null;
        }
    }

    private static void access(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException closed) {
            // The page was closed between the change and its delivery: onDetach removes the subscriptions.
        }
    }

    @Override
    public String getPageTitle() {
        return shown == null
                ? getTranslation("device.page.title")
                : getTranslation("device.page.title.of", shown.tuid());
    }
}
