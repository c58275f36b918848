package io.thingseeportal.thingsee;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval and key, so that a flood of bad input cannot flood the log; the next line
 * that is logged says how many were left out before it.
 */
final class RateLimitedLog {

    private record Window(Instant loggedAt, long suppressed, boolean due, long suppressedBefore) {}

    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    /** @return whether it logged; false when the key was logged within the interval (then it is only counted) */
    boolean warn(String key, String message) {
        Instant now = clock.instant();
        Window window = windows.compute(key, (ignored, current) -> {
            if (current == null) {
                return new Window(now, 0, true, 0);
            }
            if (!now.isBefore(current.loggedAt().plus(interval))) {
                return new Window(now, 0, true, current.suppressed());
            }
            return new Window(current.loggedAt(), current.suppressed() + 1, false, 0);
        });
        if (window.due()) {
            if (window.suppressedBefore() > 0) {
                log.warn("{} ({} more since the last such line were not logged)", message, window.suppressedBefore());
            } else {
                log.warn("{}", message);
            }
        }
        return window.due();
    }
}
