package io.thingseeportal.device;

/**
 * Which slice of a list of devices to read: a lazy grid's offset and limit and its sort.
 *
 * @param limit at most {@value #MAX_LIMIT}
 */
public record DevicePage(int offset, int limit, DeviceSort sort, boolean descending) {

    public static final int MAX_LIMIT = 1000;

    public DevicePage {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first {@code limit} devices by TUID. */
    public static DevicePage first(int limit) {
        return new DevicePage(0, limit, DeviceSort.TUID, false);
    }
}
