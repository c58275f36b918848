package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/** The API faults of the caller's stack, with a sleeper that records instead of waiting. */
class FaultInterceptorTest {

    private final List<Duration> slept = new ArrayList<>();
    private final SimulatorFaults stacks = new SimulatorFaults(List.of("acme", "borealis"), new Random(3), 50);
    private final StackFaults faults = stacks.of("acme");
    private final FaultInterceptor interceptor = new FaultInterceptor(new ApiFaults(stacks, slept::add));

    @Test
    void the_configured_latency_is_added_to_every_call() throws Exception {
        faults.setGlobal(latency(20));

        interceptor.preHandle(request(null), new MockHttpServletResponse(), new Object());
        interceptor.preHandle(request(null), new MockHttpServletResponse(), new Object());

        assertThat(slept).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
    }

    @Test
    void without_latency_a_call_does_not_wait() throws Exception {
        interceptor.preHandle(request(null), new MockHttpServletResponse(), new Object());

        assertThat(slept).isEmpty();
    }

    @Test
    void a_call_naming_a_device_gets_the_latency_of_that_device() throws Exception {
        faults.setGlobal(latency(20));
        faults.setDevice("TSPR04AAA00000001", latency(500));

        interceptor.preHandle(request("TSPR04AAA00000001"), new MockHttpServletResponse(), new Object());
        interceptor.preHandle(request("TSPR04BBB00000002"), new MockHttpServletResponse(), new Object());

        assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofMillis(20));
    }

    @Test
    void a_call_to_another_stack_gets_none_of_the_faults_of_this_one() throws Exception {
        faults.setGlobal(new FaultSettings(20, 1, false, 0, false, false, false));

        interceptor.preHandle(request("borealis", null), new MockHttpServletResponse(), new Object());

        assertThat(slept).isEmpty();
    }

    @Test
    void a_request_without_a_caller_is_a_mistake_of_the_interceptor_order() {
        assertThatThrownBy(() -> interceptor.preHandle(
                        new MockHttpServletRequest("GET", "/simulator/thingsee/v1/things"),
                        new MockHttpServletResponse(),
                        new Object()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void with_error_rate_one_every_call_fails_with_500_or_503() {
        faults.setGlobal(new FaultSettings(0, 1, false, 0, false, false, false));

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> interceptor.preHandle(request(null), new MockHttpServletResponse(), new Object()))
                    .isInstanceOfSatisfying(
                            SimulatorException.class,
                            error -> assertThat(error.status())
                                    .isIn(HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.SERVICE_UNAVAILABLE));
        }
    }

    private static FaultSettings latency(long millis) {
        return new FaultSettings(millis, 0, false, 0, false, false, false);
    }

    private static MockHttpServletRequest request(String tuid) {
        return request("acme", tuid);
    }

    private static MockHttpServletRequest request(String stack, String tuid) {
        var request = new MockHttpServletRequest("GET", "/simulator/thingsee/v1/things");
        request.setAttribute(Caller.ATTRIBUTE, new Caller(stack, stack + "-demo-client"));
        if (tuid != null) {
            request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("tuid", tuid));
        }
        return request;
    }
}
