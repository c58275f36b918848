package io.thingseeportal.device;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The device list as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, and a quote inside doubled. Times are ISO 8601 in UTC; an unknown value is an empty field. The header
 * names are the columns' own, not translated, so that scripts can read the file in any language.
 *
 * <p>A spreadsheet takes a field that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * for a formula. Asset names come from people and firmware versions from the devices, so such a field gets a leading
 * apostrophe (OWASP's advice for CSV injection): a spreadsheet shows it as text, and a script sees the apostrophe.
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

    /** One field, never read as a formula, quoted only when it has to be. */
    static String field(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void line(Writer out, Stream<@Nullable String> fields) throws IOException {
        out.write(fields.map(DeviceCsv::field).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    private static @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
