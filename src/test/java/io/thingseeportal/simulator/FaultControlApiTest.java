package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code /simulator/control/faults}: JSON, the stack's client token, the caller's stack only, changes only what it
 * names, 400 for anything it cannot use.
 */
class FaultControlApiTest extends SimulatorHttpTest {

    static final String CONTROL = "/simulator/control/faults";

    @Test
    void without_a_token_the_control_api_is_unauthorized_and_changes_nothing() throws Exception {
        controlAs(null, "GET", CONTROL, null).andExpect(errorBody(401, "Unauthorized"));
        controlAs(null, "PUT", CONTROL, "{'apiErrorRate':1}").andExpect(errorBody(401, "Unauthorized"));
        controlAs(null, "DELETE", CONTROL, null).andExpect(errorBody(401, "Unauthorized"));

        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void an_unknown_or_expired_token_is_unauthorized() throws Exception {
        controlAs("not-a-token", "PUT", CONTROL, "{'apiErrorRate':1}").andExpect(errorBody(401, "Unauthorized"));

        clock.advance(Duration.ofMinutes(16));
        control("PUT", CONTROL, "{'apiErrorRate':1}")
                .andExpect(errorBody(401, "Unauthorized"))
                .andExpect(jsonPath("$.message").value("Token expired"));

        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void faults_set_with_acmes_token_fail_acmes_api_calls_and_not_borealiss() throws Exception {
        String borealis = token(BOREALIS);

        control("PUT", CONTROL, "{'apiErrorRate':1}").andExpect(status().isOk());

        assertThat(get("groups").andReturn().getResponse().getStatus()).isIn(500, 503);
        getAs(borealis, "groups").andExpect(status().isOk());
        assertThat(simulatorFaults.of(BOREALIS).global()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void each_stack_sees_only_its_own_settings() throws Exception {
        String borealis = token(BOREALIS);
        controlAs(borealis, "PUT", CONTROL, "{'apiLatencyMillis':20,'rateLimit':7}")
                .andExpect(status().isOk());
        controlAs(borealis, "PUT", CONTROL + "/devices/" + tuidOf(BOREALIS, ProductType.AIR), "{'offline':true}")
                .andExpect(status().isOk());

        control("GET", CONTROL, null)
                .andExpect(jsonPath("$.rateLimit").value(50))
                .andExpect(jsonPath("$.global.apiLatencyMillis").value(0))
                .andExpect(jsonPath("$.devices").isEmpty());
        controlAs(borealis, "GET", CONTROL, null)
                .andExpect(jsonPath("$.rateLimit").value(7))
                .andExpect(jsonPath("$.global.apiLatencyMillis").value(20));
    }

    @Test
    void acmes_token_can_neither_read_nor_change_a_borealis_devices_settings() throws Exception {
        String device = tuidOf(BOREALIS, ProductType.AIR);
        simulatorFaults.of(BOREALIS).setDevice(device, FaultSettings.NONE);

        control("GET", CONTROL + "/devices/" + device, null)
                .andExpect(errorBody(404, "Not Found"))
                .andExpect(jsonPath("$.message").value("No simulated device " + device + " in stack acme"));
        control("PUT", CONTROL + "/devices/" + device, "{'offline':true}").andExpect(errorBody(404, "Not Found"));
        control("DELETE", CONTROL + "/devices/" + device, null).andExpect(errorBody(404, "Not Found"));

        assertThat(simulatorFaults.of(BOREALIS).devices()).containsOnlyKeys(device);
        assertThat(simulatorFaults.of(BOREALIS).effective(device).offline()).isFalse();
        assertThat(faults.devices()).isEmpty();
    }

    @Test
    void the_control_api_is_not_rate_limited_so_that_a_throttled_stack_can_be_healed() throws Exception {
        control("PUT", CONTROL, "{'rateLimit':1}").andExpect(status().isOk());

        for (int i = 0; i < 5; i++) {
            control("GET", CONTROL, null).andExpect(status().isOk());
        }
        control("DELETE", CONTROL, null).andExpect(jsonPath("$.rateLimit").value(50));
    }

    @Test
    void the_global_settings_start_healthy_with_the_configured_rate_limit() throws Exception {
        control("GET", CONTROL, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rateLimit").value(50))
                .andExpect(jsonPath("$.global.apiLatencyMillis").value(0))
                .andExpect(jsonPath("$.global.apiErrorRate").value(0.0))
                .andExpect(jsonPath("$.global.offline").value(false))
                .andExpect(jsonPath("$.global.unclamped").value(false))
                .andExpect(jsonPath("$.devices").isEmpty());
    }

    @Test
    void a_change_round_trips_and_keeps_the_settings_it_does_not_name() throws Exception {
        control("PUT", CONTROL, "{'apiLatencyMillis':20,'rateLimit':5000}").andExpect(status().isOk());
        control("PUT", CONTROL, "{'dropRate':0.25,'duplicate':true}").andExpect(status().isOk());

        control("GET", CONTROL, null)
                .andExpect(jsonPath("$.rateLimit").value(5000))
                .andExpect(jsonPath("$.global.apiLatencyMillis").value(20))
                .andExpect(jsonPath("$.global.dropRate").value(0.25))
                .andExpect(jsonPath("$.global.duplicate").value(true));
        assertThat(faults.global().apiLatencyMillis()).isEqualTo(20);
        assertThat(faults.rateLimit()).isEqualTo(5000);
    }

    @Test
    void a_device_override_round_trips_and_starts_from_what_applied_to_the_device() throws Exception {
        String tuid = tuidOf(ACME, ProductType.PRESENCE);
        control("PUT", CONTROL, "{'duplicate':true}");

        control("PUT", CONTROL + "/devices/" + tuid, "{'offline':true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offline").value(true))
                .andExpect(jsonPath("$.duplicate").value(true));
        control("GET", CONTROL, null)
                .andExpect(jsonPath("$.devices." + tuid + ".offline").value(true));
        control("GET", CONTROL + "/devices/" + tuid, null)
                .andExpect(jsonPath("$.offline").value(true));

        control("DELETE", CONTROL + "/devices/" + tuid, null).andExpect(status().isNoContent());
        control("GET", CONTROL + "/devices/" + tuid, null).andExpect(errorBody(404, "Not Found"));
        assertThat(faults.effective(tuid).offline()).isFalse();
    }

    @Test
    void a_device_of_another_stack_is_overridden_with_that_stacks_token() throws Exception {
        String device = tuidOf(BOREALIS, ProductType.AIR);

        controlAs(token(BOREALIS), "PUT", CONTROL + "/devices/" + device, "{'reorder':true}")
                .andExpect(status().isOk());

        assertThat(simulatorFaults.of(BOREALIS).effective(device).reorder()).isTrue();
        assertThat(faults.devices()).isEmpty();
    }

    @Test
    void reset_heals_everything_in_the_callers_stack_and_nothing_in_another() throws Exception {
        control("PUT", CONTROL, "{'offline':true,'rateLimit':3}");
        control("PUT", CONTROL + "/devices/" + tuidOf(ACME, ProductType.AIR), "{'duplicate':true}");
        simulatorFaults.of(BOREALIS).setRateLimit(4);

        control("DELETE", CONTROL, null).andExpect(status().isOk());

        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
        assertThat(faults.devices()).isEmpty();
        assertThat(faults.rateLimit()).isEqualTo(50);
        assertThat(simulatorFaults.of(BOREALIS).rateLimit()).isEqualTo(4);
    }

    @Test
    void the_settings_take_effect_on_the_api_at_once() throws Exception {
        control("PUT", CONTROL, "{'apiErrorRate':1}");

        assertThat(get("groups").andReturn().getResponse().getStatus()).isIn(500, 503);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'apiLatencyMillis':-1}",
                "{'apiLatencyMillis':60001}",
                "{'apiLatencyMillis':2.5}",
                "{'apiLatencyMillis':'20'}",
                "{'apiErrorRate':1.01}",
                "{'apiErrorRate':-0.1}",
                "{'apiErrorRate':null}",
                "{'dropRate':'half'}",
                "{'offline':'yes'}",
                "{'duplicate':1}",
                "{'rateLimit':0}",
                "{'rateLimit':99999999999}",
                "{'latency':20}",
                "[]",
                "{'offline':",
                "",
            })
    void settings_it_cannot_use_are_a_bad_request_and_change_nothing(String body) throws Exception {
        control("PUT", CONTROL, body).andExpect(errorBody(400, "Bad Request"));

        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
        assertThat(faults.rateLimit()).isEqualTo(50);
    }

    @Test
    void an_unknown_setting_is_named_in_the_answer() throws Exception {
        control("PUT", CONTROL, "{'latency':20}")
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("latency")));
    }

    @Test
    void the_rate_limit_is_global_and_not_a_device_setting() throws Exception {
        control("PUT", CONTROL + "/devices/" + tuidOf(ACME, ProductType.AIR), "{'rateLimit':5}")
                .andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void an_unknown_device_is_not_found_and_a_malformed_tuid_is_a_bad_request() throws Exception {
        control("PUT", CONTROL + "/devices/TSPR04ZZZ99999999", "{'offline':true}")
                .andExpect(errorBody(404, "Not Found"));
        control("PUT", CONTROL + "/devices/not-a-tuid", "{'offline':true}").andExpect(errorBody(400, "Bad Request"));
        assertThat(faults.devices()).isEmpty();
    }

    private ResultActions control(String method, String path, String body) throws Exception {
        return controlAs(token, method, path, body);
    }

    private ResultActions controlAs(String bearer, String method, String path, String body) throws Exception {
        var request = MockMvcRequestBuilders.request(method, java.net.URI.create(path));
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json(body));
        }
        return mvc.perform(request);
    }
}
