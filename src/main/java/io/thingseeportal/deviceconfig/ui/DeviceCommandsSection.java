package io.thingseeportal.deviceconfig.ui;

import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.DesiredConfigurations;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.ui.DevicePageSection;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import java.util.Optional;

/** Adds remote configuration to every device's page: everyone sees the commands, installers and admins act. */
@org.springframework.stereotype.Component
class DeviceCommandsSection implements DevicePageSection {

    private final DeviceCommandService commands;
    private final DesiredConfigurations desired;
    private final ConfigurationCheck check;
    private final MessageCatalog catalog;
    private final CurrentUser currentUser;

    DeviceCommandsSection(
            DeviceCommandService commands,
            DesiredConfigurations desired,
            ConfigurationCheck check,
            MessageCatalog catalog,
            CurrentUser currentUser) {
        this.commands = commands;
        this.desired = desired;
        this.check = check;
        this.catalog = catalog;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> sectionFor(DeviceDetails device, Runnable deviceChanged) {
        PortalUser user = currentUser.require();
        boolean admin = user.hasRole(AppRoles.ADMIN);
        var parts = new DeviceCommandsPanel.Parts(
                commands, desired, check, catalog, admin || user.hasRole(AppRoles.INSTALLER), admin);
        return Optional.of(new DeviceCommandsPanel(device.tuid(), parts, deviceChanged));
    }
}
