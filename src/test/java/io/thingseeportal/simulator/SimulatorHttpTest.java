package io.thingseeportal.simulator;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.thingseeportal.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Base of the simulator's HTTP tests: the whole portal in the test profile (stacks {@code acme} and {@code borealis}),
 * requests through the real filter chains, a clock the tests move, and a fresh fleet for every test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SimulatorHttpTest.ClockConfig.class)
abstract class SimulatorHttpTest {

    static final String BASE = "/simulator/thingsee/v1/";
    static final Instant START = Instant.parse("2025-06-02T08:00:00Z");
    static final String ACME = "acme";
    static final String BOREALIS = "borealis";

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    SimulatorStore store;

    @Autowired
    SimulatorFaults simulatorFaults;

    /** The faults of the acme stack, the one {@link #token} opens. */
    StackFaults faults;

    /** A token of the acme stack, fresh for each test so that rate limits never carry over. */
    String token;

    @BeforeEach
    void freshSimulator() throws Exception {
        clock.set(START);
        store.reset();
        simulatorFaults.reset();
        faults = simulatorFaults.of(ACME);
        token = token(ACME);
    }

    String token(String stack) throws Exception {
        var body = "{\"client_id\":\"%s-demo-client\",\"client_secret\":\"%s-demo-secret\"}".formatted(stack, stack);
        var result = mvc.perform(MockMvcRequestBuilders.post(BASE + "auth/client-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.data.token");
    }

    ResultActions getAs(String bearer, String path) throws Exception {
        return mvc.perform(
                MockMvcRequestBuilders.get(BASE + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer));
    }

    ResultActions get(String path) throws Exception {
        return getAs(token, path);
    }

    ResultActions postAs(String bearer, String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(BASE + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions post(String path, String json) throws Exception {
        return postAs(token, path, json);
    }

    ResultActions delete(String path) throws Exception {
        return mvc.perform(
                MockMvcRequestBuilders.delete(BASE + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** The first device of a product type in a stack's generated fleet. */
    String tuidOf(String stack, ProductType type) {
        return store.read(
                stack,
                state -> state.devices().stream()
                        .filter(device -> device.type() == type)
                        .findFirst()
                        .orElseThrow()
                        .tuid());
    }

    /** A device that is still new and unassigned. */
    String newDevice() {
        return store.read(
                ACME,
                state -> state.devices().stream()
                        .filter(device -> device.groupId().equals(SimulatedDevice.UNASSIGNED))
                        .findFirst()
                        .orElseThrow()
                        .tuid());
    }

    static ResultMatcher errorBody(int status, String reason) {
        return result -> {
            status().is(status).match(result);
            jsonPath("$.statusCode").value(status).match(result);
            jsonPath("$.error").value(reason).match(result);
            jsonPath("$.message").isString().match(result);
        };
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
