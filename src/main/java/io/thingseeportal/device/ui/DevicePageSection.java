package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import io.thingseeportal.device.DeviceDetails;
import java.util.Optional;

/**
 * A section that another feature adds to a device's page, as a Spring bean: the installation's actions, for one. The
 * device feature does not know the features that add to it (they depend on it, not it on them).
 */
public interface DevicePageSection {

    /**
     * The section for this device, made on the UI thread, or nothing for a user who has nothing to do in it.
     *
     * @param deviceChanged tells the page that the device changed, so that it shows the change
     */
    Optional<Component> sectionFor(DeviceDetails device, Runnable deviceChanged);

    /**
     * A section that shows the device's commands: the page tells it when they changed (sent, answered, timed out...),
     * so that one subscription serves the whole page and the device's reports alone never make the section read them.
     */
    interface FollowsCommands {

        /** Commands to the device changed; called on the UI thread, with the session locked. */
        void commandsChanged();
    }
}
