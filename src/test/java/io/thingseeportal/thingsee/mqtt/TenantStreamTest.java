package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of a stream that need no broker; the rest is in the *IT classes. */
class TenantStreamTest {

    static final List<String> FILTERS = List.of("acme/cloudext/json/#", "acme/other/#");

    @Test
    void a_suback_granting_qos_1_to_every_filter_refuses_nothing() {
        assertThat(TenantStream.refused(FILTERS, new int[] {1, 1})).isEmpty();
    }

    @Test
    void a_suback_reason_code_of_0x80_or_above_names_the_refused_filter_and_its_code() {
        assertThat(TenantStream.refused(FILTERS, new int[] {1, 0x87}))
                .containsExactly("acme/other/# (reason code 0x87)");
    }

    @Test
    void a_suback_without_reason_codes_counts_as_refused() {
        assertThat(TenantStream.refused(FILTERS, null)).hasSize(2);
    }
}
