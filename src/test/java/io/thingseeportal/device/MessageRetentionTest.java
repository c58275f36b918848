package io.thingseeportal.device;

import static io.thingseeportal.device.StreamMessages.historyCount;
import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.MutableClock;
import io.thingseeportal.TestData;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.tenant.TenantService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The message history keeps its days per tenant, and of several nodes one trims a tenant per interval. */
class MessageRetentionTest extends KaribuTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantService tenants;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    DevicesProperties properties;

    final MutableClock clock = new MutableClock(NOW);
    final ExecutorService nodes = Executors.newFixedThreadPool(2);
    long tenantId;

    @BeforeEach
    void aTenantWithAWeekAndADayOfMessages() {
        tenantId = TestData.tenant(jdbc, "Acme");
        message(tenantId, "TSPR04A", NOW.minus(Duration.ofDays(8)));
        message(tenantId, "TSPR04A", NOW.minus(Duration.ofDays(7)).plusSeconds(1));
        message(tenantId, "TSPR04A", NOW.minus(Duration.ofHours(1)));
    }

    @AfterEach
    void stopNodes() {
        nodes.shutdownNow();
    }

    @Test
    void messages_older_than_the_history_are_deleted_and_only_the_tenants_own() {
        long other = TestData.tenant(jdbc, "Borealis");
        message(other, "TSPR04A", NOW.minus(Duration.ofDays(30)));

        assertThat(node().trim(tenantId)).isEqualTo(1);

        assertThat(historyCount(jdbc, tenantId)).isEqualTo(2);
        assertThat(historyCount(jdbc, other)).isEqualTo(1);
    }

    @Test
    void of_two_nodes_trimming_at_once_exactly_one_deletes() throws Exception {
        MessageRetention first = node();
        MessageRetention second = node();
        var start = new CountDownLatch(1);

        var one = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> first.trim(tenantId)), nodes);
        var two = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> second.trim(tenantId)), nodes);
        start.countDown();

        assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder(1L, -1L);
        assertThat(historyCount(jdbc, tenantId)).isEqualTo(2);
    }

    @Test
    void a_tenant_is_trimmed_again_only_after_the_interval() {
        MessageRetention retention = node();
        retention.trim(tenantId);

        clock.advance(properties.retentionInterval().minusSeconds(1));
        assertThat(retention.trim(tenantId)).isEqualTo(-1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(retention.trim(tenantId))
                .as("the message of a week ago has aged out")
                .isEqualTo(1);
        assertThat(historyCount(jdbc, tenantId)).isEqualTo(1);
    }

    @Test
    void the_scheduled_job_trims_every_tenant() {
        long other = TestData.tenant(jdbc, "Borealis");
        message(other, "TSPR04A", NOW.minus(Duration.ofDays(30)));

        node().trimAllTenants();

        assertThat(historyCount(jdbc, tenantId)).isEqualTo(2);
        assertThat(historyCount(jdbc, other)).isZero();
    }

    private MessageRetention node() {
        return new MessageRetention(jdbc, tenants, currentUser, properties, clock);
    }

    private static long awaitThen(CountDownLatch start, java.util.function.LongSupplier work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.getAsLong();
    }

    private void message(long tenant, String tuid, Instant receivedAt) {
        jdbc.sql("INSERT INTO device_message (tenant_id, tuid, tsm_id, tsm_ts, tsm_ev, received_at, payload)"
                        + " VALUES (?, ?, 13100, ?, 10, ?, '{}')")
                .params(tenant, tuid, Timestamp.from(receivedAt), Timestamp.from(receivedAt))
                .update();
    }
}
