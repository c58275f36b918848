package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.thingseeportal.device.DesiredConfigurations;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceValue;
import io.thingseeportal.device.MessageCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The sections of one device's page, and what a change of the device or the passing of time changes in them. A change
 * arrives with each message of the device (up to four times a second), so each section reads and sends the browser
 * only what may have changed: texts that differ, readings newer than the chart's, messages newer than the grid's, and
 * the configuration only when a configuration message may have come or the device's drift changed, and the commands
 * only when they changed.
 */
class DeviceSections extends Composite<VerticalLayout> {

    private final DeviceDetailsService devices;
    private final Clock clock;
    private final String tuid;
    private final DeviceFacts facts = new DeviceFacts();
    private final DeviceFields values;
    private final DesiredConfigurations desired;
    private final ConfigurationCards configuration;
    private final Span drift = new Span();
    private final List<DevicePageSection.FollowsCommands> followers = new ArrayList<>();
    private final DeviceChartPanel chart;
    private final DeviceMessages messages;

    DeviceSections(
            DeviceDetails device,
            DeviceDetailsService devices,
            DesiredConfigurations desired,
            MessageCatalog catalog,
            Clock clock,
            List<DevicePageSection> sections) {
        this.devices = devices;
        this.desired = desired;
        this.clock = clock;
        this.tuid = device.tuid();
        List<DeviceValue> latest = devices.latestValues(tuid);
        values = new DeviceFields(catalog, "value", "device.page.values.none");
        configuration = new ConfigurationCards(catalog);
        drift.setText(getTranslation("device.drift"));
        drift.setTitle(getTranslation("device.drift.title"));
        drift.setId("device-drift");
        drift.getElement().getThemeList().add("badge warning");
        drift.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
        chart = new DeviceChartPanel(devices, tuid, latest);
        messages = new DeviceMessages(devices, tuid);
        var title = new H2(tuid);
        title.setId("device-title");
        getContent().setPadding(false);
        getContent().add(title, facts, new DeviceThingseePanel(devices, tuid, () -> deviceChanged(false)));
        sections.forEach(section -> section.sectionFor(device, this::sectionChanged)
                .ifPresent(added -> {
                    getContent().add(added);
                    if (added instanceof DevicePageSection.FollowsCommands follower) {
                        followers.add(follower);
                    }
                }));
        getContent()
                .add(
                        new H3(getTranslation("device.page.values")),
                        values,
                        new H3(getTranslation("device.page.chart")),
                        chart,
                        new H3(getTranslation("device.page.messages")),
                        messages,
                        new H3(new Span(getTranslation("device.page.configuration")), drift),
                        configuration);
        facts.show(device, clock.instant());
        showValues(latest);
        showConfiguration();
    }

    String tuid() {
        return tuid;
    }

    /**
     * The device changed (a message of it was taken in, or Thingsee told of it): the page shows what changed.
     *
     * @param commandsChanged whether commands to it changed too: only then do the sections that show them read them
     */
    void deviceChanged(boolean commandsChanged) {
        List<DeviceValue> latest = devices.latestValues(tuid);
        showValues(latest);
        chart.update(latest);
        DeviceDetails now = devices.find(tuid).orElse(null);
        if (now != null) {
            facts.show(now, clock.instant());
        }
        // A command sent from elsewhere changes what is asked of the device, and so its drift.
        boolean driftChanged = now != null && now.configDrift() != configuration.drifts();
        if (messages.update().mayReportConfiguration() || driftChanged) {
            showConfiguration();
        }
        if (commandsChanged) {
            followers.forEach(DevicePageSection.FollowsCommands::commandsChanged);
        }
    }

    /**
     * A section changed the device, perhaps what is asked of it: the configuration is read again too. A section that
     * sent a command shows it itself, and the others hear of it with the command's own change.
     */
    private void sectionChanged() {
        deviceChanged(false);
        showConfiguration();
    }

    /**
     * Time passed: "3 min ago" and whether the device is silent too long are worded again. The configuration is read
     * again too, at this slow beat: a configuration message older than one the page had seen could slip past
     * {@link #deviceChanged}.
     */
    void timePassed() {
        devices.find(tuid).ifPresent(device -> facts.show(device, clock.instant()));
        showConfiguration();
    }

    private void showValues(List<DeviceValue> latest) {
        values.show(latest.stream()
                .map(value -> new DeviceFields.Entry(value.tsmId(), value.time(), value.fields()))
                .toList());
    }

    private void showConfiguration() {
        configuration.show(desired.compare(tuid));
        drift.setVisible(configuration.drifts());
    }
}
