package io.thingseeportal.deviceconfig;

import io.thingseeportal.device.AfterCommit;
import io.thingseeportal.device.DeviceStateChanged;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the live views that commands to devices changed ({@link DeviceStateChanged#ofCommands}), once the change is
 * committed: after the running transaction's commit (an echo is matched inside the data stream's), or at once when
 * none runs (the delivery and the time-outs commit their own before they tell).
 */
@Component
class CommandChanges {

    private final ApplicationEventPublisher events;

    CommandChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    void changed(long tenantId, Set<String> tuids) {
        if (tuids.isEmpty()) {
            return;
        }
        AfterCommit.publish(events, DeviceStateChanged.ofCommands(tenantId, tuids));
    }
}
