package io.thingseeportal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-tenant token bucket: a burst, then the rate, and a hold after a 429. */
class TokenBucketTest {

    private final MutableClock clock = new MutableClock();
    private final TokenBucket bucket = new TokenBucket(10, 20, clock);

    @Test
    void a_full_bucket_gives_its_burst_and_then_tokens_at_the_rate() {
        assertThat(bucket.take(50)).isEqualTo(20);
        assertThat(bucket.take(1)).isZero();

        clock.advance(Duration.ofMillis(500));

        assertThat(bucket.take(50)).isEqualTo(5);
    }

    @Test
    void a_hold_gives_no_tokens_until_it_ends_and_then_only_at_the_rate() {
        bucket.hold(Duration.ofSeconds(3));

        clock.advance(Duration.ofSeconds(2));
        assertThat(bucket.take(1)).isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(bucket.take(50)).isEqualTo(10);
    }

    @Test
    void tokens_given_back_are_taken_again() {
        bucket.take(20);
        bucket.giveBack(3);

        assertThat(bucket.take(5)).isEqualTo(3);
    }
}
