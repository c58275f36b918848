package io.thingseeportal.group;

import java.util.Locale;

/** What a search box's text becomes in SQL: a contains-pattern for LIKE, with the user's own %, _ and \ literal. */
final class SearchPattern {

    private SearchPattern() {}

    /** For {@code lower(column) LIKE ? ESCAPE '\'}. */
    static String contains(String search) {
        String text = search.strip().toLowerCase(Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
