package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentApiErrorsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final RecentApiErrors errors = new RecentApiErrors(clock);
    private final ThingseeStack acme = new ThingseeStack(URI.create("https://acme.example/v1/"), "acme", "secret");
    private final ThingseeStack borealis =
            new ThingseeStack(URI.create("https://acme.example/v1/"), "borealis", "secret");

    @Test
    void each_stack_keeps_its_own_failures_newest_first() {
        errors.record(acme, "GET", "groups", "503", "first");
        clock.advance(Duration.ofSeconds(1));
        errors.record(acme, "POST", "things/{tuid}/commands", "unreachable", "second");

        assertThat(errors.recent(acme))
                .extracting(RecentApiErrors.ApiError::message)
                .containsExactly("second", "first");
        assertThat(errors.recent(borealis)).isEmpty();
    }

    @Test
    void only_the_last_ten_of_the_last_hour_are_kept() {
        for (int i = 0; i < 12; i++) {
            errors.record(acme, "GET", "groups", "503", "call " + i);
        }
        assertThat(errors.recent(acme))
                .hasSize(RecentApiErrors.KEPT)
                .first()
                .extracting(e -> e.message())
                .isEqualTo("call 11");

        clock.advance(RecentApiErrors.WINDOW);

        assertThat(errors.recent(acme)).isEmpty();
    }
}
