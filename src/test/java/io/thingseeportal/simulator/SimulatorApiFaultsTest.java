package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** The API faults as a client over HTTP sees them: injected 5xx in the standard error body and a changed rate limit. */
class SimulatorApiFaultsTest extends SimulatorHttpTest {

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

    private static FaultSettings errorRate(double rate) {
        return new FaultSettings(0, rate, false, 0, false, false, false);
    }
}
