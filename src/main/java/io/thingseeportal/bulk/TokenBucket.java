package io.thingseeportal.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code rate} tokens a second, at most {@code burst} saved up; and a hold that a 429 from Thingsee
 * puts on it, during which it gives no tokens at all. Not thread-safe: {@link TenantLimits} guards it.
 */
final class TokenBucket {

    private final double ratePerSecond;
    private final int burst;
    private final Clock clock;
    private double tokens;
    private Instant filledAt;
    private Instant heldUntil = Instant.MIN;

    TokenBucket(double ratePerSecond, int burst, Clock clock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.filledAt = clock.instant();
    }

    /** Takes up to {@code wanted} tokens; returns how many it took. */
    int take(int wanted) {
        Instant now = clock.instant();
        if (now.isBefore(heldUntil)) {
            return 0;
        }
        refill(now);
        int taken = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= taken;
        return taken;
    }

    /** Gives back tokens taken but not used. */
    void giveBack(int unused) {
        tokens = Math.min(burst, tokens + unused);
    }

    /** No tokens until {@code wait} has passed; the saved-up ones are spent, so that calls resume at the rate. */
    void hold(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(heldUntil)) {
            heldUntil = until;
        }
        tokens = 0;
        filledAt = heldUntil;
    }

    Instant heldUntil() {
        return heldUntil;
    }

    private void refill(Instant now) {
        if (now.isAfter(filledAt)) {
            double seconds = Duration.between(filledAt, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * ratePerSecond);
            filledAt = now;
        }
    }
}
