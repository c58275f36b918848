package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Live device changes: per tenant, at most four deliveries a second, and nothing left behind by detached views. */
class DeviceUpdatesTest extends KaribuTest {

    @Autowired
    CurrentUser currentUser;

    @Autowired
    DeviceUpdates sharedUpdates;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DevicesProperties properties;

    DeviceUpdates updates;
    long tenantId;
    long otherTenantId;

    @BeforeEach
    void ownUpdates() {
        tenantId = TestData.tenant(jdbc, "Acme");
        otherTenantId = TestData.tenant(jdbc, "Borealis");
        updates = new DeviceUpdates(currentUser, properties);
    }

    @AfterEach
    void stop() {
        updates.stop();
    }

    @Test
    void a_subscriber_hears_of_its_own_tenants_devices_only() {
        List<Set<String>> heard = new CopyOnWriteArrayList<>();
        signIn("Aino", tenantId, AppRoles.VIEWER);
        updates.subscribe(heard::add);

        updates.on(new DeviceStateChanged(otherTenantId, Set.of("TSPR04OTHER")));
        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04MINE")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
        assertThat(heard).containsExactly(Set.of("TSPR04MINE"));
    }

    @Test
    void a_steady_stream_of_changes_is_delivered_at_most_four_times_a_second_and_nothing_is_lost() {
        List<Long> deliveredAt = new CopyOnWriteArrayList<>();
        Set<String> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();
        signIn("Aino", tenantId, AppRoles.VIEWER);
        updates.subscribe(tuids -> {
            deliveredAt.add(System.nanoTime());
            heard.addAll(tuids);
        });
        var published = new AtomicInteger();
        long start = System.nanoTime();

        // A change every 10 ms for 1.2 s: about 120 of them.
        await().pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04" + published.incrementAndGet())));
                    return System.nanoTime() - start > Duration.ofMillis(1200).toNanos();
                });

        Set<String> all = IntStream.rangeClosed(1, published.get())
                .mapToObj(number -> "TSPR04" + number)
                .collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.containsAll(all));
        assertThat(heard).isEqualTo(all);
        assertThat(deliveredAt.size()).isBetween(2, 1 + (int) (elapsedMillis(start) / 250));
        for (int i = 1; i < deliveredAt.size(); i++) {
            // Each delivery waits for the gap after the previous one; 50 ms spare for a busy machine's thread.
            assertThat(deliveredAt.get(i) - deliveredAt.get(i - 1))
                    .isGreaterThanOrEqualTo(
                            DeviceUpdates.MIN_GAP.minusMillis(50).toNanos());
        }
    }

    @Test
    void a_device_subscription_is_never_woken_by_other_devices() {
        var heard = new AtomicInteger();
        signIn("Aino", tenantId, AppRoles.VIEWER);
        updates.subscribe("TSPR04MINE", heard::incrementAndGet);
        var all = new AtomicInteger();
        updates.subscribe(tuids -> all.incrementAndGet());

        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04OTHER")));
        await().atMost(Duration.ofSeconds(5)).until(() -> all.get() == 1);
        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04OTHER", "TSPR04MINE")));

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.get() == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> heard.get() == 1);
    }

    @Test
    void a_change_of_the_followed_device_is_delivered_without_waiting_for_the_fleets_deliveries() {
        List<Long> deliveredAt = new CopyOnWriteArrayList<>();
        signIn("Aino", tenantId, AppRoles.VIEWER);
        updates.subscribe("TSPR04MINE", () -> deliveredAt.add(System.nanoTime()));
        // The rest of the fleet keeps changing: a subscription for all devices would be in its 250 ms gap now.
        for (int i = 0; i < 20; i++) {
            updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04OTHER" + i)));
        }

        long changed = System.nanoTime();
        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04MINE")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !deliveredAt.isEmpty());
        assertThat(deliveredAt).hasSize(1);
        // Nothing to wait for but the delivery threads; generous for a busy machine, far below the 250 ms gap.
        assertThat(Duration.ofNanos(deliveredAt.get(0) - changed)).isLessThan(DeviceUpdates.MIN_GAP);
    }

    @Test
    void a_removed_subscription_hears_nothing_more_and_is_not_counted() {
        List<Set<String>> heard = new CopyOnWriteArrayList<>();
        List<Set<String>> other = new CopyOnWriteArrayList<>();
        signIn("Aino", tenantId, AppRoles.VIEWER);
        Registration registration = updates.subscribe(heard::add);
        updates.subscribe(other::add);
        assertThat(updates.subscriptionCount()).isEqualTo(2);

        registration.remove();
        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04A")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !other.isEmpty());
        assertThat(heard).isEmpty();
        assertThat(updates.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void a_listener_that_fails_does_not_stop_later_deliveries() {
        Set<String> heard = new HashSet<>();
        signIn("Aino", tenantId, AppRoles.VIEWER);
        updates.subscribe(tuids -> {
            synchronized (heard) {
                heard.addAll(tuids);
            }
            throw new IllegalStateException("the view is gone");
        });

        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04A")));
        await().atMost(Duration.ofSeconds(5)).until(() -> contains(heard, "TSPR04A"));
        updates.on(new DeviceStateChanged(tenantId, Set.of("TSPR04B")));

        await().atMost(Duration.ofSeconds(5)).until(() -> contains(heard, "TSPR04B"));
    }

    @Test
    void attaching_and_detaching_the_device_list_a_thousand_times_leaves_no_subscription_behind() {
        signIn("Aino", tenantId, AppRoles.VIEWER);
        int before = sharedUpdates.subscriptionCount();
        UI.getCurrent().navigate("devices");
        Element view = ((Component) currentView()).getElement();
        Element parent = view.getParent();
        assertThat(sharedUpdates.subscriptionCount()).isEqualTo(before + 1);

        for (int i = 0; i < 1000; i++) {
            parent.removeChild(view);
            parent.appendChild(view);
        }

        assertThat(sharedUpdates.subscriptionCount()).isEqualTo(before + 1);
        parent.removeChild(view);
        assertThat(sharedUpdates.subscriptionCount()).isEqualTo(before);
    }

    @Test
    void a_time_subscription_beats_every_period_until_removed() throws Exception {
        var fast = new DeviceUpdates(currentUser, withTimeRefresh(Duration.ofMillis(100)));
        try {
            var beats = new AtomicInteger();
            Registration registration = fast.subscribeToTime(beats::incrementAndGet);
            assertThat(fast.timeSubscriptionCount()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> beats.get() >= 3);

            registration.remove();
            int afterRemoval = beats.get();

            // At most the beat already under way when the subscription was removed, for four periods on end.
            await().during(Duration.ofMillis(400))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> beats.get() <= afterRemoval + 1);
            assertThat(beats.get()).isLessThanOrEqualTo(afterRemoval + 1);
            assertThat(fast.timeSubscriptionCount()).isZero();
        } finally {
            fast.stop();
        }
    }

    @Test
    void the_device_list_and_page_beat_only_while_attached() {
        signIn("Aino", tenantId, AppRoles.VIEWER);
        int before = sharedUpdates.timeSubscriptionCount();
        UI.getCurrent().navigate("devices");
        assertThat(sharedUpdates.timeSubscriptionCount()).isEqualTo(before + 1);

        TestData.device(jdbc, tenantId, "TSPR04BEAT", null);
        UI.getCurrent().navigate("devices/TSPR04BEAT");
        assertThat(sharedUpdates.timeSubscriptionCount()).isEqualTo(before + 1);

        UI.getCurrent().navigate("");
        assertThat(sharedUpdates.timeSubscriptionCount()).isEqualTo(before);
    }

    private DevicesProperties withTimeRefresh(Duration period) {
        return new DevicesProperties(
                properties.messageHistory(),
                properties.retentionInterval(),
                properties.scheduledRetention(),
                properties.maxClockSkew(),
                properties.defaultReportInterval(),
                properties.staleAfterReports(),
                properties.lowBatteryPercent(),
                period);
    }

    private static boolean contains(Set<String> heard, String tuid) {
        synchronized (heard) {
            return heard.contains(tuid);
        }
    }

    private static long elapsedMillis(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
