package io.thingseeportal.simulator;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Every error is {@code {statusCode, error, message}}, never a Spring error page or a 500 for bad input. */
class SimulatorErrorsTest extends SimulatorHttpTest {

    @Test
    void malformed_json_is_a_bad_request() throws Exception {
        post("groups", "{\"group_id\": ").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void a_missing_body_is_a_bad_request() throws Exception {
        post("things/" + newDevice() + "/installations", "").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void a_body_of_the_wrong_json_type_is_a_bad_request() throws Exception {
        post("things/" + newDevice() + "/group", "[\"prfi00x\"]").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void malformed_json_of_the_client_token_call_is_a_bad_request() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post(BASE + "auth/client-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("client_id=acme"))
                .andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void an_unknown_path_is_not_found_in_the_same_shape() throws Exception {
        get("nothing/here").andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void a_method_the_cloud_does_not_offer_is_answered_in_the_same_shape() throws Exception {
        mvc.perform(MockMvcRequestBuilders.put(BASE + "things/" + newDevice() + "/group")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(jsonPath("$.statusCode").isNumber())
                .andExpect(jsonPath("$.error").isString())
                .andExpect(jsonPath("$.message").isString());
    }

    @Test
    void errors_are_json() throws Exception {
        get("things/TSPR04ZZZ99999999")
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.message").value("Thing TSPR04ZZZ99999999 not found"));
    }

    @Test
    void more_requests_than_the_rate_limit_in_one_second_get_429_with_retry_after() throws Exception {
        for (int i = 0; i < 50; i++) {
            get("things/alerts/count").andExpect(status().isOk());
        }
        get("things/alerts/count")
                .andExpect(errorBody(429, "Too Many Requests"))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"));
    }

    @Test
    void the_rate_limit_is_per_token_and_per_second() throws Exception {
        for (int i = 0; i < 51; i++) {
            get("things/alerts/count");
        }
        getAs(token(ACME), "things/alerts/count").andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(1));
        get("things/alerts/count").andExpect(status().isOk());
    }
}
