package io.thingseeportal.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The portal's CSV exports (RFC 4180): CRLF line ends, a field quoted when it holds a comma, a quote or a line break,
 * and a quote inside doubled; an unknown value is an empty field.
 *
 * <p>A spreadsheet takes a field that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * for a formula. Names come from people and firmware versions from devices, so such a field gets a leading apostrophe
 * (OWASP's advice for CSV injection): a spreadsheet shows it as text, and a script sees the apostrophe.
 */
public final class Csv {

    private Csv() {}

    /** One field, never read as a formula, quoted only when it has to be. */
    public static String field(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** One line of fields. */
    public static void line(Writer out, Stream<@Nullable String> fields) throws IOException {
        out.write(fields.map(Csv::field).collect(Collectors.joining(",")));
        out.write("\r\n");
    }
}
