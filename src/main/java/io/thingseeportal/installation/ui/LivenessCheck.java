package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.ui.RelativeTime;
import io.thingseeportal.installation.InstallationProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * After an installation: waits live for the sensor's first message that arrives after it, and says that the sensor is
 * alive; after {@code portal.installation.liveness-wait} without one, says what to check.
 */
class LivenessCheck extends Composite<Paragraph> {

    private final String tuid;
    private final Instant since;
    private final DeviceDetailsService details;
    private final DeviceUpdates updates;
    private final Duration wait;
    private final List<Registration> registrations = new ArrayList<>();

    LivenessCheck(
            String tuid,
            Instant since,
            DeviceDetailsService details,
            DeviceUpdates updates,
            InstallationProperties properties) {
        this.tuid = tuid;
        this.since = since;
        this.details = details;
        this.updates = updates;
        this.wait = properties.livenessWait();
        getContent().setId("work-liveness");
        getContent().addClassName("work-liveness");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        registrations.add(updates.subscribe(tuid, () -> ui.access(this::refresh)));
        registrations.add(updates.subscribeToTime(() -> ui.access(this::refresh)));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        registrations.forEach(Registration::remove);
        registrations.clear();
    }

    void refresh() {
        Instant now = Instant.now();
        Instant arrival = details.find(tuid).map(DeviceDetails::lastArrival).orElse(null);
        var text = getContent();
        text.getClassNames().removeIf(name -> name.startsWith("work-liveness--"));
        if (arrival != null && !arrival.isBefore(since)) {
            String ago = new RelativeTime(this, getLocale()).ago(arrival, now);
            text.setText(getTranslation("work.alive", WorkOrderView.lowerFirst(ago)));
            text.addClassName("work-liveness--alive");
        } else if (Duration.between(since, now).compareTo(wait) >= 0) {
            text.setText(getTranslation("work.silent", wait.toMinutes()));
            text.addClassName("work-liveness--silent");
        } else {
            text.setText(getTranslation("work.waiting"));
        }
    }
}
