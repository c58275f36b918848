package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class SimulatorObservationTest extends SimulatorHttpTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void the_simulators_requests_are_not_counted_among_the_portals_requests() throws Exception {
        get("things/" + newDevice()).andExpect(status().isOk());
        // A request of the portal itself (its health is up in tests: the test tenants have no data stream).
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health")).andExpect(status().isOk());

        assertThat(meters.find("http.server.requests").timers())
                .extracting(timer -> timer.getId().getTag("uri"))
                .contains("/actuator/health")
                .noneMatch(uri -> uri.startsWith("/simulator"));
        assertThat(meters.find("spring.security.filterchains").timers())
                .as("security observed the portal's request only")
                .extracting(Timer::count)
                .containsOnly(1L);
    }
}
