package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class SimulatorPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(SimulatorProperties.class)
    static class PropertiesOnly {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class, SimulatorConfig.class);

    @Test
    void production_has_no_simulator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SimulatorStore.class);
            assertThat(context.getBean(SimulatorProperties.class).enabled()).isFalse();
        });
    }

    @Test
    void the_defaults_are_the_clouds_path_token_lifetime_and_a_generous_rate_limit() {
        runner.run(context -> {
            var properties = context.getBean(SimulatorProperties.class);
            assertThat(properties.basePath()).isEqualTo("/simulator/thingsee/v1");
            assertThat(properties.tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
            assertThat(properties.rateLimit()).isEqualTo(50);
            assertThat(properties.fleetSize()).isEqualTo(40);
        });
    }

    @Test
    void an_enabled_simulator_without_stacks_does_not_start() {
        runner.withPropertyValues("portal.simulator.enabled=true")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("at least one stack"));
    }

    @Test
    void a_stack_without_a_secret_does_not_start() {
        runner.withPropertyValues("portal.simulator.stacks.acme.client-id=acme-client")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("clientSecret"));
    }

    @Test
    void a_stack_never_shows_its_secret() {
        var stack = new SimulatorProperties.Stack("acme-client", "s3cret-value", "fi", "");
        assertThat(stack.toString()).contains("acme-client").doesNotContain("s3cret-value");
    }
}
