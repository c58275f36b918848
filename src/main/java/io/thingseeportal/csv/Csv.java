package io.thingseeportal.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The portal's CSV files (RFC 4180): CRLF line ends, a field quoted when it holds a comma, a quote or a line break,
 * and a quote inside doubled; an unknown value is an empty field. Files people upload are read as leniently as
 * spreadsheets write them: any line end, and a semicolon as the separator where the first line has one and no comma
 * (as spreadsheets write CSV in languages whose decimal mark is a comma).
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

    /**
     * One record of a file that was read: its fields, and the line it starts on (from 1).
     *
     * @param line the line the record starts on, for messages about it
     */
    public record Record(int line, List<String> fields) {

        public Record {
            fields = List.copyOf(fields);
        }
    }

    /** Reads every record; a byte-order mark at the start is skipped, and an unclosed quote ends at the end. */
    public static List<Record> read(Reader in) throws IOException {
        String text = new BufferedReader(in).lines().collect(Collectors.joining("\n"));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char separator = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        var records = new ArrayList<Record>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, fields));
                fields.clear();
                line++;
                recordLine = line;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, fields));
        }
        return records;
    }
}
