package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.thingseeportal.MutableClock;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class TenantHealthTest {

    private final ThingseeStacks stacks = mock(ThingseeStacks.class);
    private final RecentApiErrors errors = new RecentApiErrors(new MutableClock(Instant.parse("2026-12-04T12:00:00Z")));
    private final ThingseeStack acme = new ThingseeStack(URI.create("https://acme.example/v1/"), "acme", "secret");

    @Test
    void a_tenant_with_a_running_stream_and_a_stack_shows_both() {
        var stream =
                new TenantHealth.Stream("tcp://broker:1883", true, true, Instant.parse("2026-12-04T11:59:00Z"), null);
        when(stacks.forTenant("acme")).thenReturn(Optional.of(acme));
        errors.record(acme, "GET", "groups", "503", "Service Unavailable");

        var health = health(slug -> "acme".equals(slug) ? Optional.of(stream) : Optional.empty())
                .of("acme");

        assertThat(health.stream()).isEqualTo(stream);
        assertThat(health.hasStack()).isTrue();
        assertThat(health.apiErrors()).hasSize(1);
        assertThat(health.stackProblem()).isNull();
    }

    @Test
    void without_data_streams_on_this_node_a_tenant_has_none() {
        when(stacks.forTenant("acme")).thenReturn(Optional.empty());

        var health = health(null).of("acme");

        assertThat(health.stream()).isNull();
        assertThat(health.hasStack()).isFalse();
    }

    @Test
    void credentials_that_cannot_be_used_are_a_problem_shown_not_a_failure() {
        when(stacks.forTenant("acme")).thenThrow(new IllegalArgumentException("Could not resolve placeholder"));

        var health = health(null).of("acme");

        assertThat(health.stackProblem()).isEqualTo("Could not resolve placeholder");
    }

    @SuppressWarnings("unchecked")
    private TenantHealth health(TenantHealth.Streams streams) {
        ObjectProvider<TenantHealth.Streams> provider = mock(ObjectProvider.class);
        when(provider.stream()).thenAnswer(call -> streams == null ? Stream.empty() : Stream.of(streams));
        return new TenantHealth(provider, stacks, errors);
    }
}
