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
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A group's devices, read a page at a time and sorted in SQL; the TUID identifies a row, for selection. */
class GroupDeviceGrid extends Grid<GroupDevice> {

    GroupDeviceGrid(DeviceService devices, String groupId, boolean selectable) {
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
        setItems(query -> page(devices, groupId, query), query -> (int) devices.countGroupDevices(groupId))
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

    private static Stream<GroupDevice> page(DeviceService devices, String groupId, Query<GroupDevice, Void> query) {
        DeviceSort sort = DeviceSort.TUID;
        boolean descending = false;
        if (!query.getSortOrders().isEmpty()) {
            QuerySortOrder order = query.getSortOrders().get(0);
            sort = DeviceSort.valueOf(order.getSorted());
            descending = order.getDirection() == SortDirection.DESCENDING;
        }
        int limit = Math.min(query.getLimit(), DevicePage.MAX_LIMIT);
        return devices.groupDevices(groupId, new DevicePage(query.getOffset(), limit, sort, descending)).stream();
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
