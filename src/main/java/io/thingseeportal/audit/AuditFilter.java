package io.thingseeportal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Which entries of the audit log to show; null means any.
 *
 * @param action what was done
 * @param person text in the name or subject of who did it (any case)
 * @param subject text in what it concerns (any case)
 * @param tenant the tenant's short name; only operators choose, an admin always sees their own tenant's
 * @param from the first day, in {@code zone}
 * @param to the last day, in {@code zone}
 */
public record AuditFilter(
        @Nullable AuditAction action,
        @Nullable String person,
        @Nullable String subject,
        @Nullable String tenant,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        ZoneId zone) {

    public static AuditFilter all(ZoneId zone) {
        return new AuditFilter(null, null, null, null, null, null, zone);
    }

    @Nullable
    Instant start() {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the last day. */
    @Nullable
    Instant end() {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
