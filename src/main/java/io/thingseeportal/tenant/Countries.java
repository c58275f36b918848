package io.thingseeportal.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** The ISO 3166-1 alpha-2 country codes, in lower case as tenants keep them. */
final class Countries {

    private static final Set<String> KNOWN = Set.copyOf(Arrays.stream(Locale.getISOCountries())
            .map(code -> code.toLowerCase(Locale.ROOT))
            .toList());

    private Countries() {}

    static boolean isKnown(String code) {
        return KNOWN.contains(code);
    }
}
