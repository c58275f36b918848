package io.thingseeportal.group.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;
import io.thingseeportal.device.DevicePage;
import io.thingseeportal.device.DeviceService;
import io.thingseeportal.device.DeviceSort;
import io.thingseeportal.device.GroupDevice;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A group's devices, read a page at a time and sorted in SQL; the TUID identifies a row, for selection. Live changes
 * reload the grid only when they touch a row it has fetched or change how many devices the group has.
 */
class GroupDeviceGrid extends Grid<GroupDevice> {

    /** How many fetched TUIDs are remembered for live refreshes: more than the rows a grid keeps loaded. */
    private static final int REMEMBERED = 2000;

    private final DeviceService devices;
    private final String groupId;
    private final Set<String> fetched = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private long count = -1;

    GroupDeviceGrid(DeviceService devices, String groupId, boolean selectable) {
        this.devices = devices;
        this.groupId = groupId;
        setId("group-devices");
        var lastSeen = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        column(GroupDevice::tuid, "group.devices.tuid", DeviceSort.TUID);
        column(device -> text(device.productType()), "group.devices.product-type", DeviceSort.PRODUCT_TYPE);
        column(device -> text(device.assetName()), "group.devices.asset", DeviceSort.ASSET);
        column(this::status, "group.devices.status", DeviceSort.INSTALLATION_STATUS);
        column(
                device -> device.lastSeen() == null ? "" : lastSeen.format(device.lastSeen()),
                "group.devices.last-seen",
                DeviceSort.LAST_SEEN);
        column(
                device -> device.batteryLevel() == null ? "" : device.batteryLevel() + " %",
                "group.devices.battery",
                DeviceSort.BATTERY);
        setItems(this::page, query -> {
                    count = devices.countGroupDevices(groupId);
                    return (int) count;
                })
                .setIdentifierProvider(GroupDevice::tuid);
        setSelectionMode(selectable ? SelectionMode.MULTI : SelectionMode.NONE);
    }

    private void column(ValueProvider<GroupDevice, String> value, String headerKey, DeviceSort sort) {
        addColumn(value)
                .setKey(sort.name())
                .setHeader(getTranslation(headerKey))
                .setSortProperty(sort.name())
                .setAutoWidth(true);
    }

    /**
     * Shows the changes of these devices: the grid reloads (keeping the selection, by TUID) when one of them is a row
     * it has fetched or the group's device count changed; other devices' changes cost one count.
     */
    void refreshChanged(Set<String> tuids) {
        boolean shown = tuids.stream().anyMatch(fetched::contains);
        if (shown || (count >= 0 && devices.countGroupDevices(groupId) != count)) {
            fetched.clear();
            getDataProvider().refreshAll();
        }
    }

    private Stream<GroupDevice> page(Query<GroupDevice, Void> query) {
        DeviceSort sort = DeviceSort.TUID;
        boolean descending = false;
        if (!query.getSortOrders().isEmpty()) {
            QuerySortOrder order = query.getSortOrders().get(0);
            sort = DeviceSort.valueOf(order.getSorted());
            descending = order.getDirection() == SortDirection.DESCENDING;
        }
        int limit = Math.min(query.getLimit(), DevicePage.MAX_LIMIT);
        List<GroupDevice> page =
                devices.groupDevices(groupId, new DevicePage(query.getOffset(), limit, sort, descending));
        page.forEach(device -> fetched.add(device.tuid()));
        return page.stream();
    }

    private String status(GroupDevice device) {
        String key = "device.status." + device.installationStatus();
        String text = getTranslation(key);
        // An unknown status (Thingsee added one) is shown as Thingsee names it.
        return text.startsWith("!") || text.equals(key) ? device.installationStatus() : text;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
