package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ThingseeStacksTest {

    final MockEnvironment environment = new MockEnvironment();
    final ThingseeStacks stacks = new ThingseeStacks(
            properties(Map.of(
                    "acme",
                    new ThingseeProperties.Tenant(
                            "http://127.0.0.1:${local.server.port}/simulator/thingsee/v1",
                            "acme-client",
                            "secret",
                            null))),
            environment);

    @Test
    void a_tenants_stack_comes_from_its_settings_with_the_base_url_resolved_when_used() {
        environment.setProperty("local.server.port", "8123");

        ThingseeStack stack = stacks.forTenant("acme").orElseThrow();

        assertThat(stack.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8123/simulator/thingsee/v1/"));
        assertThat(stack.clientId()).isEqualTo("acme-client");
    }

    @Test
    void a_tenant_without_settings_has_no_stack() {
        assertThat(stacks.forTenant("borealis")).isEmpty();
    }

    @Test
    void the_secret_never_shows_in_text() {
        environment.setProperty("local.server.port", "8123");

        assertThat(stacks.forTenant("acme").orElseThrow().toString())
                .doesNotContain("secret")
                .contains("***");
    }

    private static ThingseeProperties properties(Map<String, ThingseeProperties.Tenant> tenants) {
        return new ThingseeProperties(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                128,
                new ThingseeProperties.Retry(4, Duration.ofMillis(200), Duration.ofSeconds(10), 0.5),
                new ThingseeProperties.Token(Duration.ofMinutes(15), Duration.ofMinutes(1)),
                tenants);
    }
}
