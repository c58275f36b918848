package io.thingseeportal.bulk;

import io.thingseeportal.security.PortalUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reading the engine's rows: what both of its stores read the same way. */
final class BulkRows {

    private BulkRows() {}

    /** Who submitted the job, from its {@code created_by_*} and {@code tenant_*} columns. */
    static PortalUser creator(ResultSet row, long tenantId) throws SQLException {
        Set<String> roles = Arrays.stream(row.getString("created_by_roles").split(","))
                .filter(role -> !role.isBlank())
                .collect(Collectors.toSet());
        return new PortalUser(
                row.getString("created_by_subject"),
                row.getString("created_by_name"),
                roles,
                tenantId,
                row.getString("tenant_slug"),
                row.getString("tenant_name"));
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
