package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A chart's points: every reading when few, else the means of time buckets. */
class SeriesSamplerTest {

    static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void few_readings_are_kept_as_they_are() {
        var sampler = new SeriesSampler(FROM, Duration.ofHours(1), 3);
        sampler.add(FROM.plusSeconds(10), 1);
        sampler.add(FROM.plusSeconds(20), 2);
        sampler.add(FROM.plusSeconds(30), 3);

        assertThat(sampler.points())
                .containsExactly(
                        new SeriesPoint(FROM.plusSeconds(10), 1),
                        new SeriesPoint(FROM.plusSeconds(20), 2),
                        new SeriesPoint(FROM.plusSeconds(30), 3));
    }

    @Test
    void many_readings_become_the_mean_of_each_bucket_at_the_mean_time() {
        // Two buckets of 30 minutes; three readings in the first, two in the second.
        var sampler = new SeriesSampler(FROM, Duration.ofHours(1), 2);
        sampler.add(FROM.plusSeconds(60), 10);
        sampler.add(FROM.plusSeconds(120), 20);
        sampler.add(FROM.plusSeconds(180), 30);
        sampler.add(FROM.plus(Duration.ofMinutes(40)), 5);
        sampler.add(FROM.plus(Duration.ofMinutes(50)), 7);

        assertThat(sampler.points())
                .containsExactly(
                        new SeriesPoint(FROM.plusSeconds(120), 20),
                        new SeriesPoint(FROM.plus(Duration.ofMinutes(45)), 6));
    }
}
