package io.thingseeportal.sql;

import java.util.Locale;

/**
 * What a search box's text becomes in SQL: a contains-pattern for LIKE, with the user's own %, _ and \ literal. Shared
 * by the features' stores (groups, devices), so it lives in a package that depends on nothing of the portal.
 */
public final class SearchPattern {

    private SearchPattern() {}

    /** For {@code lower(column) LIKE ? ESCAPE '\'}. */
    public static String contains(String search) {
        String text = search.strip().toLowerCase(Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
