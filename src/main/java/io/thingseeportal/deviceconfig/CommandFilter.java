package io.thingseeportal.deviceconfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which of the tenant's commands the inventory shows; an empty set or a null means any.
 *
 * @param states the states to show
 * @param tuid part of the device's TUID, in any case
 * @param groupId the device's group when the command was made
 * @param createdBy the subject of who made the command
 * @param from the first day, in {@code zone}, of when the command was made
 * @param to the last day, in {@code zone}
 * @param jobId the bulk job that sent it
 */
public record CommandFilter(
        Set<CommandState> states,
        @Nullable String tuid,
        @Nullable String groupId,
        @Nullable String createdBy,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        ZoneId zone,
        @Nullable Long jobId) {

    public CommandFilter {
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        tuid = tuid == null || tuid.isBlank() ? null : tuid.strip();
    }

    public static CommandFilter all(ZoneId zone) {
        return new CommandFilter(Set.of(), null, null, null, null, null, zone, null);
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
