package io.thingseeportal.device;

import io.thingseeportal.csv.Csv;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The device list as CSV ({@link Csv}): a header row, then a device a line. Times are ISO 8601 in UTC. The header
 * names are the columns' own, not translated, so that scripts can read the file in any language.
 */
final class DeviceCsv {

    static final List<String> HEADER = List.of(
            "tuid",
            "product",
            "group",
            "asset",
            "installation_status",
            "last_seen",
            "stale_at",
            "battery_percent",
            "firmware");

    private DeviceCsv() {}

    static void header(Writer out) throws IOException {
        line(out, HEADER.stream());
    }

    static void row(Writer out, DeviceListItem device) throws IOException {
        line(
                out,
                Stream.of(
                        device.tuid(),
                        device.productType(),
                        device.group(),
                        device.assetName(),
                        device.installationStatus(),
                        time(device.lastSeen()),
                        time(device.staleAt()),
                        device.batteryLevel() == null
                                ? null
                                : device.batteryLevel().toString(),
                        device.firmware()));
    }

    private static void line(Writer out, Stream<@Nullable String> fields) throws IOException {
        Csv.line(out, fields);
    }

    private static @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
