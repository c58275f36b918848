package io.thingseeportal.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;

/**
 * At most {@code limit} requests per token in each second of the clock; the next request in the same second is
 * refused until the second is over. The limit is that of the token's stack, read on every request, so that it can
 * change at run time (see {@link StackFaults#rateLimit()}). Counters are transient, like tokens.
 */
final class RateLimiter {

    private record Window(long second, int count) {}

    private final ToIntFunction<String> limitOfStack;
    private final Clock clock;
    /** Updated without locks: all callers of one token race for the same entry, up to hundreds a second. */
    private final Map<String, AtomicReference<Window>> windows = new ConcurrentHashMap<>();

    RateLimiter(ToIntFunction<String> limitOfStack, Clock clock) {
        this.limitOfStack = limitOfStack;
        this.clock = clock;
    }

    /** Counts a request of the token, or refuses it with 429 and {@code Retry-After}; the token opens the stack. */
    void acquire(String token, String stack) {
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000);
        if (windows.size() > 10_000) {
            windows.values().removeIf(window -> window.get().second() < second);
        }
        Window window = windows.computeIfAbsent(token, key -> new AtomicReference<>(new Window(second, 0)))
                .updateAndGet(current ->
                        current.second() != second ? new Window(second, 1) : new Window(second, current.count() + 1));
        if (window.count() > limitOfStack.applyAsInt(stack)) {
            long untilNextSecond = (second + 1) * 1000 - now;
            throw SimulatorException.tooManyRequests(Math.max(1, (untilNextSecond + 999) / 1000));
        }
    }
}
