package io.thingseeportal.deviceconfig.ui;

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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.ui.DeferredRefresh;
import io.thingseeportal.deviceconfig.CommandFilter;
import io.thingseeportal.deviceconfig.CommandInventory;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every command sent to the organisation's devices, newest first: filtered by state, device, group, who sent it and
 * days (the filter is in the page's address, to share), exported as CSV with the same filter, each opening with its
 * request, its echo and their differences. It follows the changes of the commands live (sent, answered, timed out;
 * not the devices' reports, {@link DeferredRefresh}); on a phone each command is a card.
 */
@Route("commands")
@Menu(order = 26, icon = "vaadin:exchange", title = "menu.commands")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
class CommandInventoryView extends Composite<VerticalLayout> implements HasDynamicTitle, BeforeEnterObserver {

    /** Narrower windows (phones) get cards instead of columns. */
    static final int CARDS_BELOW_WIDTH = 640;

    private final CommandInventory inventory;
    private final DeviceUpdates updates;
    private final CommandTexts texts;
    private final CommandFilters filters;
    private final CommandInventoryGrid grid;
    private final DeferredRefresh.OfDevices changes;
    private final List<Registration> registrations = new ArrayList<>();
    private volatile CommandFilter filter;

    CommandInventoryView(CommandInventory inventory, DeviceUpdates updates, MessageCatalog catalog) {
        this.inventory = inventory;
        this.updates = updates;
        ZoneId zone = ZoneId.systemDefault();
        this.filter = CommandFilter.all(zone);
        this.texts = new CommandTexts(this, catalog);
        filters = new CommandFilters(inventory.groups(), inventory.people(), zone, this::filterChanged);
        filters.addClassName("command-filters");
        grid = new CommandInventoryGrid(inventory, () -> filter, texts);
        grid.setEmptyStateText(getTranslation("command-inventory.empty"));
        grid.addItemClickListener(click -> new CommandDetailsDialog(click.getItem(), texts, catalog).open());
        changes = new DeferredRefresh.OfDevices(this, grid::refreshChanged);

        var export = new Anchor((DownloadHandler) this::export, AttachmentType.DOWNLOAD, "");
        export.setId("commands-export");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("command-inventory.export")));
        export.addClassName("device-list-export");

        var content = getContent();
        content.setSizeFull();
        content.add(new H2(getTranslation("command-inventory.title")), filters, export, grid);
        content.setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.read(event.getLocation().getQueryParameters());
        filter = filters.value();
        grid.refresh();
    }

    private void filterChanged() {
        filter = filters.value();
        grid.refresh();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location()));
    }

    /** The page's address with the filter, as a shared link opens it. */
    Location location() {
        return new Location("commands", filters.parameters());
    }

    CommandFilter filter() {
        return filter;
    }

    /** Cards on a phone, columns on anything wider. */
    void fitWidth(int width) {
        grid.showCards(width < CARDS_BELOW_WIDTH);
    }

    private void export(DownloadEvent event) throws IOException {
        event.setFileName("commands.csv");
        event.setContentType("text/csv; charset=utf-8");
        try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            inventory.exportCsv(filter, out);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        registrations.add(updates.subscribeToCommands(tuids -> changes.request(ui, tuids)));
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
        return getTranslation("command-inventory.title");
    }
}
