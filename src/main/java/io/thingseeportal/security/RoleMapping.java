package io.thingseeportal.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which portal roles the values of an identity provider's role claim give: {@code portal-admins=ADMIN}, for example,
 * for a provider that sends group names. Without entries ({@link #ROLE_NAMES}) the claim holds the portal's role names
 * themselves, in any case and with or without a {@code ROLE_} prefix. A claim value may be one string, a
 * comma-separated string, a list, or a boolean or number (as its text).
 *
 * @param entries claim value to portal role; claim values are compared exactly, as providers send them
 */
public record RoleMapping(Map<String, String> entries) {

    /** The roles a tenant's provider can give; {@link AppRoles#OPERATOR} comes only from the operators' provider. */
    public static final Set<String> TENANT_ROLES = Set.of(AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER);

    /** The claim holds role names. */
    public static final RoleMapping ROLE_NAMES = new RoleMapping(Map.of());

    public RoleMapping {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        for (var entry : entries.entrySet()) {
            if (entry.getKey().isBlank()) {
                throw new IllegalArgumentException("A claim value must not be blank");
            }
            if (!TENANT_ROLES.contains(entry.getValue())) {
                throw new IllegalArgumentException("The claim value " + entry.getKey() + " maps to " + entry.getValue()
                        + ", which is not one of ADMIN, INSTALLER, VIEWER");
            }
        }
    }

    /**
     * Reads one {@code <claim value>=<ROLE>} per line (blank lines skipped; the role in any case).
     *
     * @throws IllegalArgumentException naming the line that is not of that form or names another role
     */
    public static RoleMapping parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("\"" + line.trim() + "\" is not of the form <claim value>=<ROLE>");
            }
            entries.put(
                    line.substring(0, equals).trim(),
                    line.substring(equals + 1).trim().toUpperCase(Locale.ROOT));
        }
        return new RoleMapping(entries);
    }

    /** One {@code <claim value>=<ROLE>} per line, as {@link #parse} reads it. */
    public String format() {
        return entries.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** The roles among {@code allowed} that the claim's values give, most powerful first; empty for none. */
    public Set<String> roles(@Nullable Object claim, Set<String> allowed) {
        Set<String> given = new LinkedHashSet<>();
        for (String value : values(claim)) {
            String role = entries.isEmpty() ? roleName(value) : entries.get(value.trim());
            if (role != null && allowed.contains(role)) {
                given.add(role);
            }
        }
        return AppRoles.ALL.stream().filter(given::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String roleName(String value) {
        String role = value.trim().toUpperCase(Locale.ROOT);
        return role.startsWith("ROLE_") ? role.substring("ROLE_".length()) : role;
    }

    private static Collection<String> values(@Nullable Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim == null) {
            return List.of();
        }
        // A string, or a boolean or number claim such as Google's email_verified.
        return Arrays.asList(String.valueOf(claim).split(","));
    }
}
