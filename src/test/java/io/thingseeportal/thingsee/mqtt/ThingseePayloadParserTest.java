package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThingseePayloadParserTest {

    static final String TOPIC = "cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1500";
    static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");

    final ThingseePayloadParser parser = new ThingseePayloadParser(new ObjectMapper());

    @Test
    void one_json_object_is_one_message_of_the_streams_tenant_with_the_group_from_the_topic() {
        var parsed = parse(TOPIC, """
                {"tsmId":1500,"tsmEv":31,"tsmTs":1503714007,"tsmTuid":"TSPR04EZU31901021","transactionId":1,
                 "measurementInterval":10,"reportInterval":60,"deploymentGroupId":"prfi00office"}""");

        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.messages()).singleElement().satisfies(received -> {
            assertThat(received.tenant()).isEqualTo("acme");
            assertThat(received.topic()).isEqualTo(TOPIC);
            assertThat(received.groupId()).isEqualTo("prfi00office");
            assertThat(received.receivedAt()).isEqualTo(NOW);
            assertThat(received.message().tsmEv()).isEqualTo(31);
            assertThat(received.message().transactionId()).isEqualTo(1L);
            assertThat(received.message().field("reportInterval")).contains(60);
        });
    }

    @Test
    void an_array_is_one_message_per_element() {
        var parsed = parse("devices/thingsee/messages/events", """
                [{"tsmId":1110,"tsmEv":10,"tsmTs":1503714007.5,"tsmTuid":"TSPR04EZU31901021","batl":74},
                 {"tsmId":13100,"tsmEv":10,"tsmTs":1503714008,"tsmTuid":"TSPR04EZU31901021","move":3}]""");

        assertThat(parsed.messages())
                .extracting(received -> received.message().tsmId())
                .containsExactly(1110, 13100);
        assertThat(parsed.messages())
                .allSatisfy(received -> assertThat(received.groupId()).isNull());
    }

    @Test
    void a_messages_json_is_kept_as_it_arrived_and_an_array_elements_with_its_fields_in_their_order() {
        String one = "{\"batl\": 74, \"tsmTuid\": \"TSPR04EZU31901021\", \"tsmId\": 1110, \"tsmEv\": 10,"
                + " \"tsmTs\": 1503714007}";
        assertThat(parse(TOPIC, "  " + one + "\n").messages())
                .singleElement()
                .satisfies(received -> assertThat(received.json()).isEqualTo(one));

        var parsed = parse(
                TOPIC,
                "[" + one + ", {\"tsmTs\": 1503714008, \"tsmEv\": 10, \"tsmId\": 13100,"
                        + " \"tsmTuid\": \"TSPR04EZU31901021\", \"move\": 3}]");
        assertThat(parsed.messages())
                .extracting(ThingseeMessageReceived::json)
                .containsExactly(
                        "{\"batl\":74,\"tsmTuid\":\"TSPR04EZU31901021\",\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":1503714007}",
                        "{\"tsmTs\":1503714008,\"tsmEv\":10,\"tsmId\":13100,\"tsmTuid\":\"TSPR04EZU31901021\",\"move\":3}");
    }

    @Test
    void in_an_array_the_bad_elements_are_rejected_and_the_good_ones_kept() {
        var parsed = parse(TOPIC, """
                [{"tsmId":1110,"tsmEv":10,"tsmTs":1503714007,"tsmTuid":"TSPR04EZU31901021"},
                 {"tsmId":1110,"tsmEv":10,"tsmTuid":"TSPR04EZU31901021"}]""");

        assertThat(parsed.messages()).hasSize(1);
        assertThat(parsed.rejections())
                .extracting(ThingseePayloadParser.Rejection::reason)
                .containsExactly(StreamRejections.MISSING_HEADER);
    }

    @Test
    void the_unassigned_group_is_read_from_its_topic() {
        assertThat(ThingseePayloadParser.groupId("cloudext/json/un/xx/unassigned/TSPR04EZU31901021/1110"))
                .isEqualTo("unassigned");
    }

    @Test
    void the_group_is_read_below_a_tenants_topic_root() {
        assertThat(ThingseePayloadParser.groupId("acme/eu/cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1110"))
                .isEqualTo("prfi00office");
    }

    @Test
    void a_topic_without_cloudext_json_has_no_group() {
        assertThat(ThingseePayloadParser.groupId("acme/mycloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1110"))
                .isNull();
    }

    @Test
    void a_payload_that_is_not_json_is_rejected_as_not_json() {
        assertThat(reasons(parse(TOPIC, "tsmId=1500"))).containsExactly(StreamRejections.NOT_JSON);
    }

    @Test
    void a_json_scalar_is_rejected_as_not_json() {
        assertThat(reasons(parse(TOPIC, "42"))).containsExactly(StreamRejections.NOT_JSON);
    }

    @Test
    void a_message_without_tsm_ts_is_rejected_as_missing_header() {
        var parsed = parse(TOPIC, "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTuid\":\"TSPR04EZU31901021\"}");

        assertThat(parsed.messages()).isEmpty();
        assertThat(parsed.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(StreamRejections.MISSING_HEADER);
            assertThat(rejection.detail()).contains("tsmTs");
        });
    }

    @Test
    void a_message_without_tsm_tuid_is_rejected_as_missing_header() {
        assertThat(reasons(parse(TOPIC, "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":1}")))
                .containsExactly(StreamRejections.MISSING_HEADER);
    }

    @Test
    void a_null_tsm_id_counts_as_missing() {
        assertThat(reasons(parse(TOPIC, "{\"tsmId\":null,\"tsmEv\":10,\"tsmTs\":1,\"tsmTuid\":\"T\"}")))
                .containsExactly(StreamRejections.MISSING_HEADER);
    }

    @Test
    void a_tsm_id_in_a_string_is_rejected_as_wrong_types() {
        var parsed = parse(TOPIC, "{\"tsmId\":\"1110\",\"tsmEv\":10,\"tsmTs\":1,\"tsmTuid\":\"T\"}");

        assertThat(parsed.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(StreamRejections.WRONG_TYPES);
            assertThat(rejection.detail()).contains("tsmId");
        });
    }

    @Test
    void a_fractional_tsm_ev_is_rejected_as_wrong_types() {
        assertThat(reasons(parse(TOPIC, "{\"tsmId\":1110,\"tsmEv\":10.5,\"tsmTs\":1,\"tsmTuid\":\"T\"}")))
                .containsExactly(StreamRejections.WRONG_TYPES);
    }

    @Test
    void a_tsm_ts_that_is_not_a_number_is_rejected_as_wrong_types() {
        assertThat(reasons(parse(TOPIC, "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":\"now\",\"tsmTuid\":\"T\"}")))
                .containsExactly(StreamRejections.WRONG_TYPES);
    }

    @Test
    void a_tsm_tuid_that_is_not_a_string_is_rejected_as_wrong_types() {
        assertThat(reasons(parse(TOPIC, "{\"tsmId\":1110,\"tsmEv\":10,\"tsmTs\":1,\"tsmTuid\":42}")))
                .containsExactly(StreamRejections.WRONG_TYPES);
    }

    private ThingseePayloadParser.Parsed parse(String topic, String payload) {
        return parser.parse("acme", topic, payload.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static java.util.List<String> reasons(ThingseePayloadParser.Parsed parsed) {
        assertThat(parsed.messages()).isEmpty();
        return parsed.rejections().stream()
                .map(ThingseePayloadParser.Rejection::reason)
                .toList();
    }
}
