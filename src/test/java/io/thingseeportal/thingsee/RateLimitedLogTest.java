package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.thingseeportal.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class RateLimitedLogTest {

    final MutableClock clock = new MutableClock();
    final Logger logger = mock(Logger.class);
    final RateLimitedLog log = new RateLimitedLog(logger, clock, Duration.ofMinutes(1));

    @Test
    void the_first_warning_of_a_key_is_logged() {
        assertThat(log.warn("not-json", "bad")).isTrue();

        verify(logger).warn("{}", "bad");
    }

    @Test
    void the_same_key_within_the_minute_is_not_logged_again() {
        log.warn("not-json", "first");
        clock.advance(Duration.ofSeconds(59));

        assertThat(log.warn("not-json", "second")).isFalse();
        verify(logger, times(1)).warn(anyString(), anyString());
    }

    @Test
    void another_key_within_the_minute_is_logged() {
        log.warn("not-json", "first");

        assertThat(log.warn("too-large", "second")).isTrue();
    }

    @Test
    void after_a_minute_the_key_is_logged_again_with_the_number_left_out() {
        log.warn("not-json", "first");
        log.warn("not-json", "left out");
        log.warn("not-json", "left out");
        clock.advance(Duration.ofMinutes(1));

        assertThat(log.warn("not-json", "again")).isTrue();
        verify(logger).warn("{} ({} more since the last such line were not logged)", "again", 2L);
    }

    @Test
    void when_nothing_was_left_out_the_next_line_says_nothing_about_it() {
        log.warn("not-json", "first");
        clock.advance(Duration.ofMinutes(5));
        log.warn("not-json", "second");

        verify(logger).warn("{}", "second");
    }
}
