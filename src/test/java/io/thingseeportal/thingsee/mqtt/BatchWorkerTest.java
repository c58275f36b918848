package io.thingseeportal.thingsee.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.MutableClock;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

class BatchWorkerTest {

    static final String TOPIC = "acme/cloudext/json/pr/fi/prfi00office/TSPR04EZU31901021/1110";
    static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** What happened, in order: {@code failed}, {@code published:<ids>}, {@code ack:<id>}. */
    final List<String> log = new CopyOnWriteArrayList<>();

    final List<ThingseeMessagesReceived> published = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    final ApplicationEventPublisher listeners = event -> {
        if (failuresLeft.getAndDecrement() > 0) {
            log.add("failed");
            throw new IllegalStateException("the database is away");
        }
        var batch = (ThingseeMessagesReceived) event;
        published.add(batch);
        log.add("published:"
                + batch.messages().stream()
                        .map(received -> String.valueOf(received.message().transactionId()))
                        .toList());
    };

    @Test
    void a_batch_is_acknowledged_only_after_the_listeners_succeed_and_in_the_order_of_arrival() throws Exception {
        failuresLeft.set(2);
        var worker = worker(500);
        worker.put(delivery(1, message(1)));
        worker.put(delivery(2, message(2)));
        worker.put(delivery(3, message(3)));

        worker.handle(worker.nextBatch());

        assertThat(log).containsExactly("failed", "failed", "published:[1, 2, 3]", "ack:1", "ack:2", "ack:3");
    }

    @Test
    void the_batch_carries_the_tenant_of_the_stream() throws Exception {
        var worker = worker(500);
        worker.put(delivery(1, message(1)));

        worker.handle(worker.nextBatch());

        assertThat(published).singleElement().satisfies(batch -> {
            assertThat(batch.tenant()).isEqualTo("acme");
            assertThat(batch.messages())
                    .allSatisfy(received -> assertThat(received.tenant()).isEqualTo("acme"));
        });
    }

    @Test
    void a_malformed_message_is_counted_and_acknowledged_at_once_while_the_good_ones_wait_for_success()
            throws Exception {
        failuresLeft.set(1);
        var worker = worker(500);
        worker.put(delivery(1, message(1)));
        worker.put(delivery(2, "this is not json"));
        worker.put(delivery(3, message(3)));

        worker.handle(worker.nextBatch());

        assertThat(log).containsExactly("ack:2", "failed", "published:[1, 3]", "ack:1", "ack:3");
        assertThat(rejected(StreamRejections.NOT_JSON)).isEqualTo(1);
    }

    @Test
    void a_message_on_a_topic_outside_the_tenants_filters_is_counted_as_unmatched_and_dropped() throws Exception {
        var worker = worker(500);
        worker.put(new Delivery(
                "borealis/cloudext/json/pr/se/prse00office/TSPR04EZU31901021/1110", bytes(message(1)), 1, 1, 0, NOW));

        worker.handle(worker.nextBatch());

        assertThat(published).isEmpty();
        assertThat(log).containsExactly("ack:1");
        assertThat(rejected(StreamRejections.UNMATCHED)).isEqualTo(1);
    }

    @Test
    void a_batch_takes_at_most_the_batch_size() throws Exception {
        var worker = worker(2);
        for (int id = 1; id <= 5; id++) {
            worker.put(delivery(id, message(id)));
        }

        assertThat(worker.nextBatch()).extracting(Delivery::id).containsExactly(1, 2);
        assertThat(worker.depth()).isEqualTo(3);
    }

    @Test
    void a_batch_is_what_is_queued_and_never_waits_for_more() throws Exception {
        var worker = worker(500);
        worker.put(delivery(1, message(1)));
        worker.nextBatch(); // classes loaded, so that only the waiting is timed below
        worker.put(delivery(2, message(2)));
        worker.put(delivery(3, message(3)));
        // A broker that sends 50 unacknowledged messages at most sends no more until these are acknowledged: a batch
        // that waited for more (as it did, 100 ms) would wait for nothing.
        long start = System.nanoTime();

        List<Delivery> batch = worker.nextBatch();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(80));
        assertThat(batch).extracting(Delivery::id).containsExactly(2, 3);
    }

    @Test
    void a_full_queue_refuses_more_after_the_timeout_so_that_paho_waits() throws Exception {
        var worker = new BatchWorker(
                "acme",
                new TopicFilters(List.of("acme/cloudext/json/#")),
                new ThingseePayloadParser(new ObjectMapper()),
                listeners,
                StreamRejections.of(meters, new MutableClock()),
                delivery -> log.add("ack:" + delivery.id()),
                new BatchWorker.Settings(1, 500, Duration.ofMillis(1), Duration.ofMillis(4)));

        assertThat(worker.offer(delivery(1, message(1)), Duration.ofMillis(10))).isTrue();
        assertThat(worker.offer(delivery(2, message(2)), Duration.ofMillis(10))).isFalse();
        assertThat(worker.depth()).isEqualTo(1);
    }

    @Test
    void the_running_worker_hands_over_what_arrives() throws Exception {
        var worker = worker(500);
        Thread thread = new Thread(worker);
        thread.start();
        try {
            worker.put(delivery(1, message(1)));
            worker.put(delivery(2, message(2)));

            await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("ack:2"));
            // One batch or two, as the second delivery came before or after the worker took the first; each is
            // acknowledged in order and only after it was published.
            assertThat(List.copyOf(log))
                    .isIn(
                            List.of("published:[1, 2]", "ack:1", "ack:2"),
                            List.of("published:[1]", "ack:1", "published:[2]", "ack:2"));
        } finally {
            thread.interrupt();
            thread.join(5000);
        }
    }

    @Test
    void stopped_while_the_listeners_fail_it_acknowledges_nothing() throws Exception {
        failuresLeft.set(Integer.MAX_VALUE);
        var worker = worker(500);
        Thread thread = new Thread(worker);
        thread.start();
        worker.put(delivery(1, message(1)));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> log.stream().filter("failed"::equals).count() >= 3);

        thread.interrupt();
        thread.join(5000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(log).containsOnly("failed");
    }

    private BatchWorker worker(int batchSize) {
        return new BatchWorker(
                "acme",
                new TopicFilters(List.of("acme/cloudext/json/#")),
                new ThingseePayloadParser(new ObjectMapper()),
                listeners,
                StreamRejections.of(meters, new MutableClock()),
                delivery -> log.add("ack:" + delivery.id()),
                new BatchWorker.Settings(100, batchSize, Duration.ofMillis(1), Duration.ofMillis(4)));
    }

    private double rejected(String reason) {
        return meters.get(StreamRejections.METER)
                .tag("reason", reason)
                .counter()
                .count();
    }

    private static Delivery delivery(int id, String payload) {
        return new Delivery(TOPIC, bytes(payload), id, 1, 0, NOW);
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    private static String message(long transactionId) {
        return """
                {"tsmId":1110,"tsmEv":10,"tsmTs":1768464000,"tsmTuid":"TSPR04EZU31901021","batl":74,"transactionId":%d}""".formatted(transactionId);
    }
}
