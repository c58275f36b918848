package io.thingseeportal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.device.DeviceListService;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.ui.DeferredRefresh;
import io.thingseeportal.deviceconfig.DeviceCommandService;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * Where everyone lands after signing in. Installers get one large action; admins and viewers their tenant's counts;
 * the operator goes on to the tenants. The fleet's counts follow the devices' messages live, read just before the next
 * response to the browser ({@link DeferredRefresh}).
 */
@Route("")
@Menu(order = 0, icon = "vaadin:home", title = "menu.start")
@PermitAll
class StartView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    static final String OPERATOR_START = "tenants";

    private final CurrentUser currentUser;
    private final GroupService groups;
    private final DeviceListService devices;
    private final DeviceUpdates updates;
    private final DeviceCommandService commands;
    private @Nullable TenantCounts counts;
    private @Nullable Registration subscription;
    private final DeferredRefresh countChanges = new DeferredRefresh(this, this::refreshCounts);

    StartView(
            CurrentUser currentUser,
            GroupService groups,
            DeviceListService devices,
            DeviceUpdates updates,
            DeviceCommandService commands) {
        this.currentUser = currentUser;
        this.groups = groups;
        this.devices = devices;
        this.updates = updates;
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
            counts = new TenantCounts(devices.counts(), groups.countGroups(), commands.countAwaitingEcho());
            content.add(counts);
        } else {
            counts = null;
            content.add(new ScanSensorAction());
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (counts != null && subscription == null) {
            UI ui = attach.getUI();
            subscription = updates.subscribe(tuids -> countChanges.request(ui));
        }
    }

    private void refreshCounts() {
        if (counts != null) {
            counts.show(devices.counts());
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
