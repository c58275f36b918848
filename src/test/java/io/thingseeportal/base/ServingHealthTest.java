package io.thingseeportal.base;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One tenant's data stream down makes the monitoring health DOWN, but not the load balancer's check: the node still
 * serves pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ServingHealthTest.StreamDown.class)
class ServingHealthTest {

    @TestConfiguration
    static class StreamDown {
        @Bean("mqtt")
        HealthIndicator mqtt() {
            return () -> Health.down().withDetail("acme", "broker unreachable").build();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void a_tenants_stream_down_is_down_for_monitoring_and_up_for_the_load_balancer() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/health/serving"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
