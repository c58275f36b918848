package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code /simulator/control/devices/{stack}/{tuid}/battery}: the stack's token, a 1110 at once, 4xx in the error body.
 */
class DeviceControlApiTest extends SimulatorHttpTest {

    static final String CONTROL = "/simulator/control/devices/";

    @MockitoBean
    SimulatorMqtt mqtt;

    @Test
    void setting_a_battery_changes_the_device_and_publishes_its_battery_message_at_once() throws Exception {
        String tuid = tuidOf(ACME, ProductType.PRESENCE);
        clock.advance(Duration.ofSeconds(42));

        battery(ACME, tuid, "{'batteryLevel':42}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stack").value(ACME))
                .andExpect(jsonPath("$.tuid").value(tuid))
                .andExpect(jsonPath("$.batteryLevel").value(42));

        var topic = ArgumentCaptor.forClass(String.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> message = ArgumentCaptor.forClass(Map.class);
        verify(mqtt).publish(anyString(), topic.capture(), message.capture());
        String group =
                store.read(ACME, state -> state.device(tuid).orElseThrow().groupId());
        assertThat(topic.getValue()).endsWith("/" + group + "/" + tuid + "/1110");
        assertThat(message.getValue())
                .containsEntry("tsmId", 1110)
                .containsEntry("tsmEv", 10)
                .containsEntry("tsmTuid", tuid)
                .containsEntry("tsmTs", START.plusSeconds(42).getEpochSecond())
                .containsEntry("batl", 42)
                .containsEntry("chrg", 0);
        store.read(ACME, state -> {
            var device = state.device(tuid).orElseThrow();
            assertThat(device.batteryLevel()).isEqualTo(42);
            assertThat(device.lastSeen()).isEqualTo(START.plusSeconds(42));
            assertThat(state.messages(tuid).get(0).fields()).containsEntry("batl", 42);
            return null;
        });
    }

    @Test
    void a_device_of_another_stack_is_set_in_its_own_stack_with_that_stacks_token() throws Exception {
        String tuid = tuidOf(BOREALIS, ProductType.AIR);

        batteryAs(token(BOREALIS), BOREALIS, tuid, "{'batteryLevel':0}").andExpect(status().isOk());

        assertThat(battery(BOREALIS, tuid)).isZero();
    }

    @Test
    void without_a_token_setting_a_battery_is_unauthorized_and_changes_nothing() throws Exception {
        String tuid = tuidOf(ACME, ProductType.PRESENCE);
        int before = battery(ACME, tuid);

        batteryAs(null, ACME, tuid, "{'batteryLevel':42}").andExpect(errorBody(401, "Unauthorized"));
        batteryAs("not-a-token", ACME, tuid, "{'batteryLevel':42}").andExpect(errorBody(401, "Unauthorized"));

        assertThat(battery(ACME, tuid)).isEqualTo(before);
        verify(mqtt, never()).publish(anyString(), anyString(), any());
    }

    @Test
    void acmes_token_cannot_set_a_battery_in_another_stack() throws Exception {
        String tuid = tuidOf(BOREALIS, ProductType.AIR);
        int before = battery(BOREALIS, tuid);

        battery(BOREALIS, tuid, "{'batteryLevel':3}")
                .andExpect(errorBody(403, "Forbidden"))
                .andExpect(jsonPath("$.message")
                        .value("The token opens stack acme, not borealis: use that stack's client token"));
        battery("nowhere", tuid, "{'batteryLevel':3}").andExpect(errorBody(403, "Forbidden"));

        assertThat(battery(BOREALIS, tuid)).isEqualTo(before);
        verify(mqtt, never()).publish(anyString(), anyString(), any());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'batteryLevel':101}",
                "{'batteryLevel':-1}",
                "{'batteryLevel':'42'}",
                "{'batteryLevel':42.5}",
                "{'batteryLevel':null}",
                "{'batteryLevel':99999999999}",
                "{}",
                "{'batteryLevel':42,'chrg':1}",
                "[]",
                "{'batteryLevel':",
            })
    void a_level_it_cannot_use_is_a_bad_request_and_changes_nothing(String body) throws Exception {
        String tuid = tuidOf(ACME, ProductType.PRESENCE);
        int before = battery(ACME, tuid);

        battery(ACME, tuid, body).andExpect(errorBody(400, "Bad Request"));

        assertThat(battery(ACME, tuid)).isEqualTo(before);
        verify(mqtt, never()).publish(anyString(), anyString(), any());
    }

    @Test
    void a_device_the_tokens_stack_does_not_have_is_not_found() throws Exception {
        battery(ACME, "TSPR04ZZZ99999999", "{'batteryLevel':42}").andExpect(errorBody(404, "Not Found"));
        batteryAs(token(BOREALIS), BOREALIS, tuidOf(ACME, ProductType.PRESENCE), "{'batteryLevel':42}")
                .andExpect(errorBody(404, "Not Found"));

        verify(mqtt, never()).publish(anyString(), anyString(), any());
    }

    private int battery(String stack, String tuid) {
        return store.read(stack, state -> state.device(tuid).orElseThrow().batteryLevel());
    }

    private ResultActions battery(String stack, String tuid, String body) throws Exception {
        return batteryAs(token, stack, tuid, body);
    }

    private ResultActions batteryAs(String bearer, String stack, String tuid, String body) throws Exception {
        var request = MockMvcRequestBuilders.put(CONTROL + stack + "/" + tuid + "/battery")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(body));
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return mvc.perform(request);
    }
}
