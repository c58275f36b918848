package io.thingseeportal.installation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Which entries of the installation history to show; null means any.
 *
 * @param installer the subject of who did it
 * @param site the site's name, as it was then
 * @param from the first day, in {@code zone}
 * @param to the last day, in {@code zone}
 */
public record HistoryFilter(
        @Nullable String installer,
        @Nullable String site,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        ZoneId zone) {

    public static HistoryFilter all(ZoneId zone) {
        return new HistoryFilter(null, null, null, null, zone);
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
