package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicFiltersTest {

    static final String TOPIC = "acme/cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1500";

    @Test
    void a_multi_level_wildcard_matches_everything_below_its_root() {
        assertThat(TopicFilters.matches("acme/cloudext/json/#", TOPIC)).isTrue();
        assertThat(TopicFilters.matches("acme/cloudext/json/#", "acme/cloudext/json"))
                .isTrue();
    }

    @Test
    void another_tenants_root_does_not_match() {
        assertThat(TopicFilters.matches("borealis/cloudext/json/#", TOPIC)).isFalse();
        assertThat(TopicFilters.matches("cloudext/json/#", TOPIC)).isFalse();
    }

    @Test
    void a_single_level_wildcard_matches_exactly_one_level() {
        assertThat(TopicFilters.matches("acme/cloudext/json/pr/+/prfi00office/+/1500", TOPIC))
                .isTrue();
        assertThat(TopicFilters.matches("acme/cloudext/json/+/1500", TOPIC)).isFalse();
    }

    @Test
    void any_of_several_filters_may_match() {
        var filters = new TopicFilters(List.of("borealis/cloudext/json/#", "acme/cloudext/json/pr/fi/#"));

        assertThat(filters.matches(TOPIC)).isTrue();
    }

    @Test
    void wildcards_at_the_start_do_not_match_system_topics() {
        assertThat(TopicFilters.matches("#", "$SYS/broker/uptime")).isFalse();
    }
}
