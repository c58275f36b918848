package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.MutableClock;
import org.junit.jupiter.api.Test;

class StreamRejectionsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final StreamRejections rejections = StreamRejections.of(meters, new MutableClock());

    @Test
    void every_rejection_is_counted_by_tenant_and_reason_even_when_not_logged() {
        rejections.reject("acme", StreamRejections.UNKNOWN_TSMID, "tsmId 99999");
        rejections.reject("acme", StreamRejections.UNKNOWN_TSMID, "tsmId 99998");
        rejections.reject("borealis", StreamRejections.UNKNOWN_TSMID, "tsmId 99999");

        assertThat(count("acme", StreamRejections.UNKNOWN_TSMID)).isEqualTo(2);
        assertThat(count("borealis", StreamRejections.UNKNOWN_TSMID)).isEqualTo(1);
    }

    private double count(String tenant, String reason) {
        return meters.get(StreamRejections.METER)
                .tag("tenant", tenant)
                .tag("reason", reason)
                .counter()
                .count();
    }
}
