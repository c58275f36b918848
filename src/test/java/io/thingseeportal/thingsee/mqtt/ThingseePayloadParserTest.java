package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThingseePayloadParserTest {

    static final String TOPIC = "cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1500";
    static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");

    final ThingseePayloadParser parser = new ThingseePayloadParser(new ObjectMapper());

    @Test
    void one_json_object_is_one_message_with_the_group_from_the_topic() {
        List<ThingseeMessageReceived> messages = parse(TOPIC, """
                {"tsmId":1500,"tsmEv":31,"tsmTs":1503714007,"tsmTuid":"TSPR04EZU31901021","transactionId":1,
                 "measurementInterval":10,"reportInterval":60,"deploymentGroupId":"prfi00office"}""");

        assertThat(messages).singleElement().satisfies(received -> {
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
        List<ThingseeMessageReceived> messages = parse("devices/thingsee/messages/events", """
                [{"tsmId":1110,"tsmEv":10,"tsmTuid":"TSPR04EZU31901021","batl":74},
                 {"tsmId":13100,"tsmEv":10,"tsmTuid":"TSPR04EZU31901021","move":3}]""");

        assertThat(messages).extracting(received -> received.message().tsmId()).containsExactly(1110, 13100);
        assertThat(messages)
                .allSatisfy(received -> assertThat(received.groupId()).isNull());
    }

    @Test
    void the_unassigned_group_is_read_from_its_topic() {
        assertThat(ThingseePayloadParser.groupId("cloudext/json/un/xx/unassigned/TSPR04EZU31901021/1110"))
                .isEqualTo("unassigned");
    }

    @Test
    void a_payload_that_is_not_json_is_malformed() {
        assertThatThrownBy(() -> parse(TOPIC, "tsmId=1500"))
                .isInstanceOf(ThingseePayloadParser.Malformed.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void a_json_scalar_is_malformed() {
        assertThatThrownBy(() -> parse(TOPIC, "42")).isInstanceOf(ThingseePayloadParser.Malformed.class);
    }

    @Test
    void an_object_without_a_numeric_tsm_id_is_malformed() {
        assertThatThrownBy(() -> parse(TOPIC, "[{\"tsmId\":1110},{\"tsmEv\":10}]"))
                .isInstanceOf(ThingseePayloadParser.Malformed.class)
                .hasMessageContaining("tsmId");
    }

    private List<ThingseeMessageReceived> parse(String topic, String payload) {
        return parser.parse("acme", topic, payload.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
