package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class TenantStreamsHealthIndicatorTest {

    static final Instant LAST = Instant.parse("2026-01-15T08:00:00Z");

    @Test
    void every_stream_connected_and_subscribed_is_up_with_details_per_tenant() {
        Health health = health(state("acme", true, true), state("borealis", true, true));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnlyKeys("acme", "borealis");
        assertThat(details(health, "acme"))
                .containsEntry("broker", "tcp://broker:1883")
                .containsEntry("connected", true)
                .containsEntry("subscribed", true)
                .containsEntry("lastMessageAt", LAST.toString())
                .containsEntry("queueDepth", 7);
    }

    @Test
    void one_disconnected_stream_makes_it_down() {
        assertThat(health(state("acme", true, true), state("borealis", false, false))
                        .getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void a_connected_stream_whose_subscription_failed_makes_it_down() {
        assertThat(health(state("acme", true, false)).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void a_stream_whose_settings_cannot_be_used_makes_it_down_and_says_why() {
        Health health =
                health(state("acme", true, true), StreamState.unusable("borealis", "the password does not open"));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details(health, "borealis")).containsEntry("problem", "the password does not open");
    }

    @Test
    void before_the_stream_settings_are_first_read_it_is_down_although_no_stream_runs() {
        Health health = new TenantStreamsHealthIndicator(List::of, () -> false).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("streams", "starting: the settings are not read yet");
    }

    @Test
    void no_streams_at_all_is_up() {
        Health health = health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("streams");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Health health, String tenant) {
        return (Map<String, Object>) health.getDetails().get(tenant);
    }

    private static Health health(StreamState... states) {
        return new TenantStreamsHealthIndicator(() -> List.of(states), () -> true).health();
    }

    private static StreamState state(String tenant, boolean connected, boolean subscribed) {
        return new StreamState(tenant, "tcp://broker:1883", connected, subscribed, LAST, 7, null);
    }
}
