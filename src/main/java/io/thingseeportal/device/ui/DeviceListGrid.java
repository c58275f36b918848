package io.thingseeportal.device.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.thingseeportal.device.DeviceFilter;
import io.thingseeportal.device.DeviceListItem;
import io.thingseeportal.device.DeviceListService;
import io.thingseeportal.device.DevicePage;
import io.thingseeportal.device.DeviceSort;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The device list's grid: read a page at a time, filtered and sorted in SQL, the TUID identifying a row. On a desk it
 * has a column per fact; on a phone one card per device. Live changes refresh only the rows the grid has fetched.
 */
class DeviceListGrid extends Grid<DeviceListItem> {

    /** How many fetched rows are remembered for live refreshes: more than the rows a grid keeps loaded. */
    private static final int REMEMBERED = 2000;

    private final DeviceListService devices;
    private final Supplier<DeviceFilter> filter;
    private final Clock clock;
    /** The rows fetched last, by TUID, as the grid shows them. */
    private final Map<String, DeviceListItem> fetched = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeviceListItem> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final Column<DeviceListItem> cards;
    private volatile DeviceSort sort = DeviceSort.TUID;
    private volatile boolean descending;
    private long count = -1;

    DeviceListGrid(DeviceListService devices, Supplier<DeviceFilter> filter, Clock clock) {
        this.devices = devices;
        this.filter = filter;
        this.clock = clock;
        setId("devices");
        var cells = new DeviceCells(this, new RelativeTime(this, getLocale()), devices.lowBatteryPercent());
        configure(addComponentColumn(cells::product), DeviceSort.PRODUCT_TYPE, "product");
        configure(addComponentColumn(cells::tuid), DeviceSort.TUID, "tuid");
        configure(addColumn(cells::group), DeviceSort.GROUP, "group");
        configure(addColumn(item -> DeviceCells.text(item.assetName())), DeviceSort.ASSET, "asset");
        configure(addColumn(cells::status), DeviceSort.INSTALLATION_STATUS, "status");
        configure(addComponentColumn(item -> cells.lastSeen(item, clock.instant())), DeviceSort.LAST_SEEN, "last-seen");
        configure(addComponentColumn(cells::battery), DeviceSort.BATTERY, "battery");
        configure(addColumn(item -> DeviceCells.text(item.firmware())), DeviceSort.FIRMWARE, "firmware");
        cards = addColumn(new ComponentRenderer<>(item -> cells.card(item, clock.instant())))
                .setKey("card");
        cards.setVisible(false);
        // The data provider's own id (not only the data view's) is the TUID: the grid's key mapper goes by it, so
        // that a fresh copy of a row replaces the one shown.
        setItems(new CallbackDataProvider<DeviceListItem, Void>(
                this::page,
                query -> {
                    count = devices.count(filter.get());
                    return (int) count;
                },
                DeviceListItem::tuid));
    }

    /** On a phone one card per device instead of the columns. */
    void showCards(boolean showCards) {
        getColumns().forEach(column -> column.setVisible(column == cards ? showCards : !showCards));
    }

    boolean showsCards() {
        return cards.isVisible();
    }

    /** The sort the user chose last, for the CSV export; read off the UI thread too. */
    DeviceSort sort() {
        return sort;
    }

    boolean descending() {
        return descending;
    }

    void refresh() {
        fetched.clear();
        getDataProvider().refreshAll();
    }

    /**
     * Shows the changes of these devices: a device that came or went changes the count and reloads the page, a changed
     * row the grid has fetched is read again, and devices it has not fetched cost nothing. A row that no longer passes
     * the filter stays until the next reload, so that rows do not jump away under the user's eyes.
     */
    void refreshChanged(Set<String> tuids) {
        if (count >= 0 && devices.count(filter.get()) != count) {
            refresh();
            return;
        }
        List<String> shown = tuids.stream().filter(fetched::containsKey).toList();
        devices.find(shown).forEach(item -> {
            fetched.put(item.tuid(), item);
            getDataProvider().refreshItem(item);
        });
    }

    /**
     * Words the shown rows' times again ("3 min ago" a minute later, red once silent too long) from the rows the grid
     * has, without reading the database.
     */
    void refreshTimes() {
        var keys = getDataCommunicator().getKeyMapper();
        List.copyOf(fetched.values()).stream().filter(keys::has).forEach(getDataProvider()::refreshItem);
    }

    private void configure(Column<DeviceListItem> column, DeviceSort sort, String name) {
        column.setKey(sort.name())
                .setHeader(getTranslation("device.list.column." + name))
                .setSortProperty(sort.name())
                .setAutoWidth(true)
                .setResizable(true);
    }

    private Stream<DeviceListItem> page(Query<DeviceListItem, Void> query) {
        if (!query.getSortOrders().isEmpty()) {
            QuerySortOrder order = query.getSortOrders().get(0);
            sort = DeviceSort.valueOf(order.getSorted());
            descending = order.getDirection() == SortDirection.DESCENDING;
        } else {
            sort = DeviceSort.TUID;
            descending = false;
        }
        int limit = Math.min(query.getLimit(), DevicePage.MAX_LIMIT);
        List<DeviceListItem> page =
                devices.list(filter.get(), new DevicePage(query.getOffset(), limit, sort, descending));
        page.forEach(item -> fetched.put(item.tuid(), item));
        return page.stream();
    }
}
