package io.thingseeportal.device;

/**
 * The columns a list of devices (a group's, or the tenant's whole fleet) can be sorted by; ties are broken by TUID so
 * that pages never overlap.
 */
public enum DeviceSort {
    TUID("tuid"),
    PRODUCT_TYPE("product_type"),
    /** By the deployment group's id; devices in no group (Thingsee's unassigned) come last. */
    GROUP("group_id"),
    ASSET("asset_name"),
    INSTALLATION_STATUS("installation_status"),
    LAST_SEEN("last_seen"),
    BATTERY("battery_level"),
    FIRMWARE("firmware");

    private final String column;

    DeviceSort(String column) {
        this.column = column;
    }

    /** The SQL ordering; only the enum's own column names ever reach the SQL text. */
    String orderBy(boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        if (this == TUID) {
            return "tuid" + direction;
        }
        // Devices that have not told us a value come last in both directions, on H2 and PostgreSQL alike.
        return column + direction + " NULLS LAST, tuid" + direction;
    }
}
