package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.thingsee.ThingseeProperties;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a stream subscribes to and leaves, without a broker; the rest is in the *IT classes. */
class StreamSubscriptionsTest {

    static final List<String> FILTERS = List.of("acme/cloudext/json/#", "acme/other/#");

    @Test
    void a_suback_granting_qos_1_to_every_filter_refuses_nothing() {
        assertThat(StreamSubscriptions.refused(FILTERS, new int[] {1, 1})).isEmpty();
    }

    @Test
    void a_suback_reason_code_of_0x80_or_above_names_the_refused_filter_and_its_code() {
        assertThat(StreamSubscriptions.refused(FILTERS, new int[] {1, 0x87}))
                .containsExactly("acme/other/# (reason code 0x87)");
    }

    @Test
    void a_suback_without_reason_codes_counts_as_refused() {
        assertThat(StreamSubscriptions.refused(FILTERS, null)).hasSize(2);
    }

    @Test
    void a_shared_group_goes_in_front_of_every_filter() {
        var shared = new ThingseeProperties.Stream(
                URI.create("tcp://broker:1883"), null, null, ThingseeProperties.Tls.none(), FILTERS, "portal");

        assertThat(StreamSubscriptions.filters(shared))
                .containsExactly("$share/portal/acme/cloudext/json/#", "$share/portal/acme/other/#");
    }

    @Test
    void a_change_of_settings_leaves_the_filters_the_next_connection_does_not_take_over() {
        assertThat(StreamSubscriptions.dropped(FILTERS, List.of("acme/other/#", "acme/new/#")))
                .containsExactly("acme/cloudext/json/#");
        assertThat(StreamSubscriptions.dropped(FILTERS, List.of())).isEqualTo(FILTERS);
    }
}
