package io.thingseeportal.thingsee;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which of a device's messages to read ({@code GET /things/{tuid}/messages}).
 *
 * @param limit how many at most (required by the API)
 * @param messageIds only these {@code tsmId}s, or all when empty
 * @param eventIds only these {@code tsmEv}s, or all when empty
 */
public record MessageQuery(
        int limit,
        List<Integer> messageIds,
        List<Integer> eventIds,
        @Nullable Instant from,
        @Nullable Instant to) {

    public MessageQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        messageIds = List.copyOf(messageIds);
        eventIds = List.copyOf(eventIds);
    }

    public static MessageQuery latest(int limit) {
        return new MessageQuery(limit, List.of(), List.of(), null, null);
    }
}
