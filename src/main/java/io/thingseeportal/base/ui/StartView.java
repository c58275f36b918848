package io.thingseeportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.device.DeviceService;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import jakarta.annotation.security.PermitAll;

/**
 * Where everyone lands after signing in. Installers get one large action; admins and viewers their tenant's counts;
 * the operator goes on to the tenants.
 */
@Route("")
@Menu(order = 0, icon = "vaadin:home", title = "menu.start")
@PermitAll
class StartView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    static final String OPERATOR_START = "tenants";

    private final CurrentUser currentUser;
    private final GroupService groups;
    private final DeviceService devices;
    private final DeviceCommandService commands;

    StartView(CurrentUser currentUser, GroupService groups, DeviceService devices, DeviceCommandService commands) {
        this.currentUser = currentUser;
        this.groups = groups;
        this.devices = devices;
        this.commands = commands;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("start.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PortalUser user = currentUser.require();
        if (user.hasRole(AppRoles.OPERATOR)) {
            event.forwardTo(OPERATOR_START);
            return;
        }
        VerticalLayout content = getContent();
        content.removeAll();
        content.add(new H2(getTranslation("start.welcome", user.name())));
        if (user.hasRole(AppRoles.ADMIN) || user.hasRole(AppRoles.VIEWER)) {
            content.add(new TenantCounts(devices.countDevices(), groups.countGroups(), commands.countAwaitingEcho()));
        } else {
            content.add(new ScanSensorAction());
        }
    }
}
