package io.thingseeportal.thingsee;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Thingsee calls that failed lately, per stack (base URL and client id), for the operators' view of each tenant's
 * health: the last {@link #KEPT} failures of each stack within {@link #WINDOW}, on this node.
 */
@Component
public class RecentApiErrors {

    static final int KEPT = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    /**
     * One failed call.
     *
     * @param outcome the HTTP status, or {@code unreachable} when Thingsee did not answer
     */
    public record ApiError(Instant at, String method, String endpoint, String outcome, String message) {}

    private record Key(String baseUrl, String clientId) {}

    private final Map<Key, Deque<ApiError>> errors = new ConcurrentHashMap<>();
    private final Clock clock;

    public RecentApiErrors(Clock clock) {
        this.clock = clock;
    }

    /** Remembers a failed call of the stack. */
    public void record(ThingseeStack stack, String method, String endpoint, String outcome, String message) {
        var kept = errors.computeIfAbsent(key(stack), key -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addFirst(new ApiError(clock.instant(), method, endpoint, outcome, message));
            while (kept.size() > KEPT) {
                kept.removeLast();
            }
        }
    }

    /** The stack's failures within the last hour, newest first. */
    public List<ApiError> recent(ThingseeStack stack) {
        var kept = errors.get(key(stack));
        if (kept == null) {
            return List.of();
        }
        Instant since = clock.instant().minus(WINDOW);
        synchronized (kept) {
            return kept.stream().filter(error -> error.at().isAfter(since)).toList();
        }
    }

    private static Key key(ThingseeStack stack) {
        return new Key(stack.baseUrl().toString(), stack.clientId());
    }
}
