package io.thingseeportal.simulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The simulator's page and control API exist with the simulator, as Vaadin really starts, and never without it. */
class SimulatorPageRegistrationTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("test")
    class WithTheSimulator {

        @Autowired
        ServletContext servletContext;

        @Test
        void the_page_is_registered() {
            assertThat(registry(servletContext).getNavigationTarget("simulator"))
                    .contains(SimulatorFaultsView.class);
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "portal.simulator.enabled=false")
    @ActiveProfiles("test")
    class WithoutTheSimulator {

        @Autowired
        ServletContext servletContext;

        @LocalServerPort
        int port;

        @Test
        void the_page_does_not_exist_while_other_views_do() {
            assertThat(registry(servletContext).getNavigationTarget("settings")).isPresent();
            assertThat(registry(servletContext).getNavigationTarget("simulator"))
                    .isEmpty();
        }

        @Test
        void the_control_api_does_not_exist() throws Exception {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/control/faults"))
                                    .PUT(HttpRequest.BodyPublishers.ofString("{\"apiErrorRate\":1}"))
                                    .header("Content-Type", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isNotEqualTo(200);
            assertThat(response.body()).doesNotContain("rateLimit");
        }
    }

    private static ApplicationRouteRegistry registry(ServletContext servletContext) {
        return ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
    }
}
