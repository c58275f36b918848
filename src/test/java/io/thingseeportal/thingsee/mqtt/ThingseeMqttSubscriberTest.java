package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.thingsee.ConfiguredStream;
import io.thingseeportal.thingsee.StreamSettingsChanged;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriber runs the streams the settings name: it starts new ones, reconnects changed ones, stops those switched
 * off, names settings it cannot use, and keeps its streams while the settings cannot be read. (Against a broker that
 * is not there: the connections are not the point here; LiveFleetIT has them with a real broker.)
 */
class ThingseeMqttSubscriberTest {

    static final ThingseeProperties.Stream ACME = MqttTestSettings.stream("tcp://127.0.0.1:1", List.of("acme/#"));
    static final ThingseeProperties.Stream BOREALIS =
            MqttTestSettings.stream("tcp://127.0.0.1:1", List.of("borealis/#"));

    final AtomicReference<List<ConfiguredStream>> settings = new AtomicReference<>(List.of());
    final List<TenantStream> opened = new ArrayList<>();
    final ThingseeMqttSubscriber subscriber = new ThingseeMqttSubscriber(
            () -> {
                List<ConfiguredStream> now = settings.get();
                if (now == null) {
                    throw new IllegalStateException("database down");
                }
                return now;
            },
            (tenant, stream) -> {
                TenantStream opening = MqttTestSettings.tenantStream(
                        tenant, stream, "subscriber-test", event -> {}, new SimpleMeterRegistry());
                opened.add(opening);
                return opening;
            },
            Duration.ofHours(1));

    @AfterEach
    void stop() {
        subscriber.stop();
    }

    @Test
    void before_its_first_read_of_the_settings_it_says_so_and_after_it_runs_the_streams_they_name() {
        settings.set(List.of(running("acme", ACME), running("borealis", BOREALIS)));
        assertThat(subscriber.settingsRead()).isFalse();

        subscriber.start();

        assertThat(subscriber.settingsRead()).isTrue();
        assertThat(subscriber.states()).extracting(StreamState::tenant).containsExactly("acme", "borealis");
    }

    @Test
    void a_changed_stream_is_replaced_an_unchanged_one_kept_and_one_switched_off_stopped() {
        settings.set(List.of(running("acme", ACME), running("borealis", BOREALIS)));
        subscriber.start();
        TenantStream borealis = streamOf("borealis");

        var moved = MqttTestSettings.stream("tcp://127.0.0.1:1", List.of("acme/v2/#"));
        settings.set(List.of(running("acme", moved), running("borealis", BOREALIS)));
        subscriber.reconcile();
        assertThat(streamOf("acme").subscriptionFilters()).containsExactly("acme/v2/#");
        assertThat(streamOf("borealis")).isSameAs(borealis);
        assertThat(opened).hasSize(3);

        settings.set(List.of(running("acme", moved)));
        subscriber.reconcile();
        assertThat(subscriber.states()).extracting(StreamState::tenant).containsExactly("acme");
    }

    @Test
    void a_change_saved_on_this_node_is_applied_at_once_not_at_the_next_check() {
        settings.set(List.of(running("acme", ACME)));
        subscriber.start();

        settings.set(List.of(running("acme", ACME), running("borealis", BOREALIS)));
        subscriber.settingsChanged(new StreamSettingsChanged("borealis"));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(subscriber.states())
                        .extracting(StreamState::tenant)
                        .containsExactly("acme", "borealis"));
    }

    @Test
    void settings_that_cannot_be_used_are_named_and_stop_the_stream() {
        settings.set(List.of(running("acme", ACME)));
        subscriber.start();

        settings.set(List.of(new ConfiguredStream("acme", null, "the password does not open")));
        subscriber.reconcile();

        assertThat(subscriber.streams()).isEmpty();
        assertThat(subscriber.states()).singleElement().satisfies(state -> {
            assertThat(state.tenant()).isEqualTo("acme");
            assertThat(state.problem()).isEqualTo("the password does not open");
        });
    }

    @Test
    void while_the_settings_cannot_be_read_the_streams_stay_as_they_are() {
        settings.set(List.of(running("acme", ACME)));
        subscriber.start();
        TenantStream acme = streamOf("acme");

        settings.set(null);
        subscriber.reconcile();

        assertThat(streamOf("acme")).isSameAs(acme);
    }

    private TenantStream streamOf(String tenant) {
        return subscriber.streams().stream()
                .filter(stream -> stream.tenant().equals(tenant))
                .findFirst()
                .orElseThrow();
    }

    private static ConfiguredStream running(String tenant, ThingseeProperties.Stream stream) {
        return new ConfiguredStream(tenant, stream, null);
    }
}
