package io.thingseeportal.device.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.device.DeviceFilter;
import io.thingseeportal.device.DeviceListService;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's devices with what they last told: filtered, sorted and paged in the database, kept current as messages
 * arrive, its "3 min ago" worded again every minute, and downloadable as CSV. On a phone each device is a card. Its
 * live updates are read just before the next response to the browser ({@link DeferredRefresh}).
 */
@Route("devices")
@Menu(order = 25, icon = "vaadin:cubes", title = "menu.devices")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
class DeviceListView extends Composite<VerticalLayout> implements HasDynamicTitle {

    /** Narrower windows (phones) get cards instead of columns. */
    static final int CARDS_BELOW_WIDTH = 640;

    private final DeviceListService devices;
    private final DeviceUpdates updates;
    private final DeviceFilterBar filters;
    private final DeviceListGrid grid;
    private final List<Registration> registrations = new ArrayList<>();
    private final DeferredRefresh.OfDevices rowChanges;
    private final DeferredRefresh ticks;
    private volatile DeviceFilter filter = DeviceFilter.ALL;

    DeviceListView(DeviceListService devices, DeviceUpdates updates, Clock clock) {
        this.devices = devices;
        this.updates = updates;
        filters = new DeviceFilterBar(devices);
        grid = new DeviceListGrid(devices, () -> filter, clock);
        grid.setEmptyStateText(getTranslation("device.list.empty"));
        filters.addChangeListener(this::filter);
        rowChanges = new DeferredRefresh.OfDevices(this, grid::refreshChanged);
        ticks = new DeferredRefresh(this, grid::refreshTimes);

        var export = new Anchor((DownloadHandler) this::export, AttachmentType.DOWNLOAD, "");
        export.setId("export-csv");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("device.list.export")));
        export.addClassName("device-list-export");

        var content = getContent();
        content.add(new H2(getTranslation("device.list.title")), filters, export, grid);
        content.setFlexGrow(1, grid);
        content.setSizeFull();
    }

    private void filter() {
        filter = filters.value();
        grid.setEmptyStateText(getTranslation(filter.isAll() ? "device.list.empty" : "device.list.empty.filtered"));
        grid.refresh();
    }

    /** Cards and folded filters on a phone, columns and every filter on anything wider. */
    void fitWidth(int width) {
        boolean phone = width < CARDS_BELOW_WIDTH;
        grid.showCards(phone);
        filters.fold(phone);
    }

    private void export(DownloadEvent event) throws IOException {
        event.setFileName("devices.csv");
        event.setContentType("text/csv; charset=utf-8");
        try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            devices.exportCsv(filter, grid.sort(), grid.descending(), out);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        registrations.add(updates.subscribe(tuids -> rowChanges.request(ui, tuids)));
        registrations.add(updates.subscribeToTime(() -> ticks.request(ui)));
        registrations.add(ui.getPage().addBrowserWindowResizeListener(resize -> fitWidth(resize.getWidth())));
        ui.getPage().retrieveExtendedClientDetails(details -> fitWidth(details.getWindowInnerWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        registrations.forEach(Registration::remove);
        registrations.clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.list.title");
    }
}
