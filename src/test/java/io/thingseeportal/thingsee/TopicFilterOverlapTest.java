package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFilterOverlapTest {

    @ParameterizedTest
    @CsvSource({
        "acme/cloudext/json/#, borealis/cloudext/json/#, false",
        "acme/cloudext/json/#, acme/cloudext/json/#, true",
        "#, borealis/cloudext/json/#, true",
        "+/cloudext/json/#, borealis/cloudext/json/#, true",
        "acme/+/json/#, acme/cloudext/xml/#, false",
        "a/b, a/b/c, false",
        "a/b, a/b/#, true",
        "a/+, a/b/c, false",
        "a/b/c/d, a/b, false",
        "cloudext/json/#, acme/cloudext/json/#, false"
    })
    void two_filters_overlap_when_some_topic_matches_both(String first, String second, boolean overlap) {
        assertThat(TopicFilterOverlap.overlap(first, second)).isEqualTo(overlap);
        assertThat(TopicFilterOverlap.overlap(second, first)).isEqualTo(overlap);
    }
}
