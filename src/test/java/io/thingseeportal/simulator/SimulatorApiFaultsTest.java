package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The API faults as a client over HTTP sees them: injected 5xx in the standard error body and a changed rate limit, each
 * in the stack whose token (or credentials) the call presents.
 */
class SimulatorApiFaultsTest extends SimulatorHttpTest {

    @Test
    void the_faults_of_one_stack_leave_the_calls_of_another_stack_alone() throws Exception {
        String borealis = token(BOREALIS);
        faults.setGlobal(errorRate(1));

        for (int i = 0; i < 20; i++) {
            getAs(borealis, "groups").andExpect(status().isOk());
        }
    }

    @Test
    void the_token_call_suffers_the_faults_of_the_stack_whose_credentials_it_presents() throws Exception {
        faults.setGlobal(errorRate(1));

        assertThat(clientToken("acme").andReturn().getResponse().getStatus()).isIn(500, 503);
        clientToken("borealis").andExpect(status().isOk());
    }

    @Test
    void invalid_credentials_are_a_401_without_faults() throws Exception {
        simulatorFaults.stacks().forEach(stack -> simulatorFaults.of(stack).setGlobal(errorRate(1)));

        mvc.perform(MockMvcRequestBuilders.post(BASE + "auth/client-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'client_id':'acme-demo-client','client_secret':'wrong'}")))
                .andExpect(errorBody(401, "Unauthorized"));
    }

    @Test
    void the_token_is_checked_before_the_faults_of_its_stack() throws Exception {
        faults.setGlobal(errorRate(1));

        getAs(token + "x", "groups").andExpect(errorBody(401, "Unauthorized"));
    }

    @Test
    void a_rate_limit_lowered_in_one_stack_leaves_the_tokens_of_another_stack_alone() throws Exception {
        String borealis = token(BOREALIS);
        faults.setRateLimit(1);

        for (int i = 0; i < 5; i++) {
            getAs(borealis, "groups").andExpect(status().isOk());
        }
    }

    @Test
    void with_error_rate_one_every_call_is_answered_500_or_503_in_the_error_body() throws Exception {
        faults.setGlobal(errorRate(1));
        for (int i = 0; i < 20; i++) {
            var result = get("groups")
                    .andExpect(jsonPath("$.statusCode").isNumber())
                    .andExpect(jsonPath("$.error").isString())
                    .andExpect(jsonPath("$.message").isString())
                    .andReturn();
            assertThat(result.getResponse().getStatus()).isIn(500, 503);
        }
    }

    @Test
    void with_error_rate_zero_no_call_fails() throws Exception {
        faults.setRateLimit(1000);
        faults.setGlobal(errorRate(0));
        for (int i = 0; i < 50; i++) {
            get("groups").andExpect(status().isOk());
        }
    }

    @Test
    void errors_of_one_device_leave_the_calls_about_other_devices_alone() throws Exception {
        String broken = tuidOf(ACME, ProductType.PRESENCE);
        faults.setDevice(broken, errorRate(1));

        assertThat(get("things/" + broken).andReturn().getResponse().getStatus())
                .isIn(500, 503);
        get("things/" + tuidOf(ACME, ProductType.AIR)).andExpect(status().isOk());
    }

    @Test
    void a_rate_limit_lowered_at_run_time_refuses_the_next_call_with_retry_after() throws Exception {
        get("groups").andExpect(status().isOk());
        get("groups").andExpect(status().isOk());

        faults.setRateLimit(2);

        get("groups").andExpect(errorBody(429, "Too Many Requests")).andExpect(header().exists("Retry-After"));
    }

    @Test
    void a_rate_limit_raised_at_run_time_lets_more_calls_through() throws Exception {
        faults.setRateLimit(200);
        for (int i = 0; i < 150; i++) {
            get("groups").andExpect(status().isOk());
        }
    }

    private ResultActions clientToken(String stack) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(BASE + "auth/client-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(
                        "{'client_id':'%s-demo-client','client_secret':'%s-demo-secret'}".formatted(stack, stack))));
    }

    private static FaultSettings errorRate(double rate) {
        return new FaultSettings(0, rate, false, 0, false, false, false);
    }
}
