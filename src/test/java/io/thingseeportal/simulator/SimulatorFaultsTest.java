package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fault settings of one stack ({@link StackFaults}), and of every stack apart ({@link SimulatorFaults}). */
class SimulatorFaultsTest {

    @Test
    void each_configured_stack_has_faults_of_its_own() {
        var faults = new SimulatorFaults(List.of("acme", "borealis"), new Random(1), 50);
        faults.of("acme").setGlobal(settings(true, false));
        faults.of("acme").setDevice("TSPR04AAA00000001", settings(false, true));
        faults.of("acme").setRateLimit(2);

        assertThat(faults.of("borealis").global()).isEqualTo(FaultSettings.NONE);
        assertThat(faults.of("borealis").devices()).isEmpty();
        assertThat(faults.of("borealis").rateLimit()).isEqualTo(50);
        assertThat(faults.of("acme").rateLimit()).isEqualTo(2);
    }

    @Test
    void an_unknown_stack_has_no_faults_and_is_refused_by_name() {
        var faults = new SimulatorFaults(List.of("acme"), new Random(1), 50);

        assertThat(faults.find("nowhere")).isEmpty();
        assertThatThrownBy(() -> faults.of("nowhere")).hasMessageContaining("nowhere");
    }

    @Test
    void reset_heals_every_stack() {
        var faults = new SimulatorFaults(List.of("acme", "borealis"), new Random(1), 50);
        faults.of("acme").setGlobal(settings(true, true));
        faults.of("borealis").setRateLimit(3);

        faults.reset();

        assertThat(faults.of("acme").global()).isEqualTo(FaultSettings.NONE);
        assertThat(faults.of("borealis").rateLimit()).isEqualTo(50);
    }

    @Test
    void a_device_override_replaces_the_global_settings_for_that_device_only() {
        var faults = new StackFaults(new Random(1), 50);
        faults.setGlobal(settings(true, false));
        faults.setDevice("TSPR04AAA00000001", settings(false, true));

        assertThat(faults.effective("TSPR04AAA00000001").duplicate()).isTrue();
        assertThat(faults.effective("TSPR04AAA00000001").offline()).isFalse();
        assertThat(faults.effective("TSPR04BBB00000002").offline()).isTrue();
        assertThat(faults.effective(null).offline()).isTrue();
    }

    @Test
    void a_fault_happens_when_the_injected_random_draws_below_its_rate() {
        var faults = new StackFaults(fixed(0.29), 50);

        assertThat(faults.happens(0.3)).isTrue();
        assertThat(faults.happens(0.29)).isFalse();
    }

    @Test
    void rate_zero_never_happens_and_rate_one_always_does() {
        var faults = new StackFaults(new Random(7), 50);

        assertThat(IntStream.range(0, 1000).filter(i -> faults.happens(0))).isEmpty();
        assertThat(IntStream.range(0, 1000).filter(i -> faults.happens(1))).hasSize(1000);
    }

    @Test
    void the_same_seed_draws_the_same_faults() {
        var first = new StackFaults(new Random(42), 50);
        var second = new StackFaults(new Random(42), 50);

        assertThat(IntStream.range(0, 100).mapToObj(i -> first.happens(0.5)))
                .containsExactlyElementsOf(IntStream.range(0, 100)
                        .mapToObj(i -> second.happens(0.5))
                        .toList());
    }

    @Test
    void reset_heals_everything_and_restores_the_configured_rate_limit() {
        var faults = new StackFaults(new Random(1), 50);
        faults.setGlobal(settings(true, true));
        faults.setDevice("TSPR04AAA00000001", settings(true, true));
        faults.setRateLimit(2);

        faults.reset();

        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
        assertThat(faults.devices()).isEmpty();
        assertThat(faults.rateLimit()).isEqualTo(50);
    }

    @Test
    void settings_out_of_range_are_refused_with_the_name_of_the_setting() {
        assertThatThrownBy(() -> new FaultSettings(-1, 0, false, 0, false, false, false))
                .hasMessageContaining("apiLatencyMillis");
        assertThatThrownBy(() -> new FaultSettings(0, 1.5, false, 0, false, false, false))
                .hasMessageContaining("apiErrorRate");
        assertThatThrownBy(() -> new FaultSettings(0, 0, false, Double.NaN, false, false, false))
                .hasMessageContaining("dropRate");
        assertThatThrownBy(() -> new StackFaults(new Random(1), 50).setRateLimit(0))
                .hasMessageContaining("rateLimit");
    }

    private static FaultSettings settings(boolean offline, boolean duplicate) {
        return new FaultSettings(0, 0, offline, 0, duplicate, false, false);
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
