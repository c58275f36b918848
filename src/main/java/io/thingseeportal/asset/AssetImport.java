package io.thingseeportal.asset;

import io.thingseeportal.csv.Csv;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an asset tree from CSV, for admins: each row is one path, site first ({@code site,building,floor,space}, as
 * deep as needed; a first row that starts with "site" is the header). The places a row names that the tenant does not
 * have are added; the ones it has (by name, in any case) are kept. Every row is reported: added, there already, or
 * refused with the reason, and a refused row changes nothing while the others are still taken in.
 */
@Service
public class AssetImport {

    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 10_000;

    /** What became of one row. */
    public enum Outcome {
        ADDED,
        EXISTED,
        REFUSED
    }

    /**
     * One row's result.
     *
     * @param line the file's line the row starts on
     * @param path the row's names, joined as a path
     * @param messageKey why it was refused, with {@code subject}; null otherwise
     */
    public record Row(
            int line,
            String path,
            Outcome outcome,
            @Nullable String messageKey,
            String subject) {}

    /** Every row's result, in the file's order. */
    public record Report(List<Row> rows) {

        public Report {
            rows = List.copyOf(rows);
        }

        public long count(Outcome outcome) {
            return rows.stream().filter(row -> row.outcome() == outcome).count();
        }
    }

    private final AssetStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    AssetImport(AssetStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public Report importCsv(Reader csv) throws IOException {
        long tenantId = currentUser.tenantId();
        Map<String, Long> known = new HashMap<>();
        store.all(tenantId).forEach(row -> known.put(key(row.parentId(), row.name()), row.id()));
        var rows = new ArrayList<Row>();
        List<Csv.Record> records = Csv.read(csv);
        for (int index = 0; index < records.size(); index++) {
            Csv.Record record = records.get(index);
            List<String> names = names(record.fields());
            if (names.isEmpty() || (index == 0 && names.get(0).equalsIgnoreCase("site"))) {
                continue;
            }
            String path = String.join(Asset.SEPARATOR, names);
            if (rows.size() == MAX_ROWS) {
                rows.add(new Row(
                        record.line(), path, Outcome.REFUSED, "asset.import.too-many", String.valueOf(MAX_ROWS)));
                break;
            }
            rows.add(take(tenantId, record.line(), names, path, known));
        }
        return new Report(rows);
    }

    private Row take(long tenantId, int line, List<String> names, String path, Map<String, Long> known) {
        if (names.size() > AssetKind.values().length) {
            return new Row(line, path, Outcome.REFUSED, "asset.import.too-deep", String.valueOf(names.size()));
        }
        for (String name : names) {
            if (name.isEmpty()) {
                return new Row(line, path, Outcome.REFUSED, "asset.import.gap", "");
            }
            if (name.length() > Asset.NAME_MAX_LENGTH) {
                return new Row(
                        line,
                        path,
                        Outcome.REFUSED,
                        "asset.problem.name-too-long",
                        String.valueOf(Asset.NAME_MAX_LENGTH));
            }
        }
        Long parent = null;
        boolean added = false;
        for (int level = 0; level < names.size(); level++) {
            String key = key(parent, names.get(level));
            Long id = known.get(key);
            if (id == null) {
                id = store.insert(tenantId, parent, AssetKind.values()[level], names.get(level), clock.instant());
                known.put(key, id);
                added = true;
            }
            parent = id;
        }
        return new Row(line, path, added ? Outcome.ADDED : Outcome.EXISTED, null, "");
    }

    /** The row's names, trimmed, without the empty fields at its end. */
    private static List<String> names(List<String> fields) {
        var names = new ArrayList<String>();
        fields.forEach(field -> names.add(field.strip()));
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return names;
    }

    private static String key(@Nullable Long parent, String name) {
        return parent + "/" + name.toLowerCase(Locale.ROOT);
    }
}
