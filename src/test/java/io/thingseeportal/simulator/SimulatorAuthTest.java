package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class SimulatorAuthTest extends SimulatorHttpTest {

    @Test
    void valid_credentials_get_a_jwt_like_token_that_opens_the_api() throws Exception {
        assertThat(token).matches("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        get("groups").andExpect(status().isOk()).andExpect(jsonPath("$.data").isArray());
    }

    @Test
    void a_wrong_secret_is_refused_with_401() throws Exception {
        clientToken("{'client_id':'acme-demo-client','client_secret':'borealis-demo-secret'}")
                .andExpect(errorBody(401, "Unauthorized"));
    }

    @Test
    void an_unknown_client_is_refused_with_401() throws Exception {
        clientToken("{'client_id':'nobody','client_secret':'acme-demo-secret'}")
                .andExpect(errorBody(401, "Unauthorized"));
    }

    @Test
    void credentials_without_a_secret_are_a_bad_request() throws Exception {
        clientToken("{'client_id':'acme-demo-client'}").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void a_request_without_a_token_gets_401_and_not_the_portal_sign_in() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get(BASE + "groups")).andExpect(errorBody(401, "Unauthorized"));
    }

    @Test
    void a_request_with_another_scheme_gets_401() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get(BASE + "groups").header(HttpHeaders.AUTHORIZATION, "Basic " + token))
                .andExpect(errorBody(401, "Unauthorized"));
    }

    @Test
    void an_invented_token_gets_401() throws Exception {
        getAs(token + "x", "groups").andExpect(errorBody(401, "Unauthorized"));
    }

    @Test
    void a_token_is_valid_until_its_lifetime_is_over() throws Exception {
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        get("groups").andExpect(status().isOk());
    }

    @Test
    void a_token_expires_after_fifteen_minutes() throws Exception {
        clock.advance(Duration.ofMinutes(15));
        get("groups")
                .andExpect(errorBody(401, "Unauthorized"))
                .andExpect(jsonPath("$.message").value("Token expired"));
    }

    @Test
    void several_tokens_are_valid_at_the_same_time() throws Exception {
        String second = token(ACME);
        get("groups").andExpect(status().isOk());
        getAs(second, "groups").andExpect(status().isOk());
    }

    @Test
    void posts_need_no_csrf_token() throws Exception {
        post("groups", json("{'group_id':'prfi00csrf'}")).andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions clientToken(String singleQuoted) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(BASE + "auth/client-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(singleQuoted)));
    }
}
