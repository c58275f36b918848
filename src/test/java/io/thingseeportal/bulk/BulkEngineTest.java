package io.thingseeportal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.thingsee.ThingseeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on H2 in PostgreSQL mode: claims, steering, limits, deadlines, leases and progress. */
class BulkEngineTest {

    private BulkFixture fixture;

    @AfterEach
    void stopTheNodes() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private BulkFixture fixture(RecordingHandler handler) {
        fixture = new BulkFixture(BulkFixture.h2(), Clock.systemUTC(), BulkFixture.fast(), handler);
        return fixture;
    }

    @Test
    void two_nodes_on_one_database_never_run_an_item_twice() {
        var handler = new RecordingHandler();
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(200), null);

        engine.node(BulkFixture.fast(), handler);
        engine.node(BulkFixture.fast(), handler);
        var progress = engine.awaitComplete(job);

        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(200);
        assertThat(handler.runs).hasSize(200);
        assertThat(handler.runs.values()).allMatch(runs -> runs.get() == 1);
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void a_paused_job_is_not_claimed_and_resuming_it_runs_the_rest() throws Exception {
        var handler = new RecordingHandler();
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(20), null);
        assertThat(engine.as(() -> engine.jobs().pause(job))).isTrue();

        engine.node(BulkFixture.fast(), handler);
        TimeUnit.MILLISECONDS.sleep(300);

        assertThat(handler.runs).isEmpty();
        assertThat(engine.progress(job).state()).isEqualTo(BulkJobState.PAUSED);
        assertThat(engine.progress(job).count(BulkItemState.PENDING)).isEqualTo(20);

        assertThat(engine.as(() -> engine.jobs().resume(job))).isTrue();

        assertThat(engine.awaitComplete(job).count(BulkItemState.SUCCEEDED)).isEqualTo(20);
        assertThat(engine.progress(job).state()).isEqualTo(BulkJobState.DONE);
    }

    @Test
    void canceling_cancels_the_pending_items_and_lets_the_running_one_finish() throws Exception {
        var running = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var handler = new RecordingHandler(item -> {
            running.countDown();
            block(release);
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        var oneAtATime = new BulkProperties(
                1,
                1,
                10_000,
                1_000,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMillis(10),
                Duration.ofMillis(200),
                0,
                Duration.ofMillis(10),
                50,
                10,
                Duration.ofDays(90));
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(10), null);
        engine.node(oneAtATime, handler);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(engine.as(() -> engine.jobs().cancel(job))).isTrue();
        assertThat(engine.progress(job).complete()).isFalse();
        release.countDown();

        var progress = engine.awaitComplete(job);
        assertThat(progress.state()).isEqualTo(BulkJobState.CANCELED);
        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(1);
        assertThat(progress.count(BulkItemState.CANCELED)).isEqualTo(9);
        assertThat(handler.runs).hasSize(1);
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void a_job_stops_by_itself_when_more_items_failed_than_its_threshold_allows() {
        var handler = new RecordingHandler(item -> ItemOutcome.failed("BROKEN", "Broken"));
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(100), 50);

        engine.node(BulkFixture.fast(), handler);
        var progress = engine.awaitComplete(job);

        assertThat(progress.state()).isEqualTo(BulkJobState.ABORTED);
        assertThat(progress.count(BulkItemState.FAILED)).isBetween(10, 10 + 8);
        assertThat(progress.count(BulkItemState.CANCELED)).isEqualTo(100 - progress.count(BulkItemState.FAILED));
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void the_first_failures_do_not_abort_a_job_before_its_minimum_of_finished_items() {
        var handler = new RecordingHandler(
                item -> item.key().equals("TSPR040") ? ItemOutcome.failed("BROKEN", "") : ItemOutcome.succeeded());
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(12), 50);

        engine.node(BulkFixture.fast(), handler);

        var progress = engine.awaitComplete(job);
        assertThat(progress.state()).isEqualTo(BulkJobState.DONE);
        assertThat(progress.count(BulkItemState.FAILED)).isEqualTo(1);
        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(11);
    }

    @Test
    void a_429_holds_the_tenant_for_its_retry_after_and_the_item_runs_again_without_failing() {
        var calls = new java.util.concurrent.CopyOnWriteArrayList<Instant>();
        var first = new AtomicInteger();
        var handler = new RecordingHandler(item -> {
            calls.add(Instant.now());
            if (first.getAndIncrement() == 0) {
                throw new ThingseeException.RateLimited(429, "Too Many Requests", "Slow down", Duration.ofMillis(500));
            }
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(1), null);

        engine.node(BulkFixture.fast(), handler);
        var progress = engine.awaitComplete(job);

        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(1);
        assertThat(progress.count(BulkItemState.FAILED)).isZero();
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(handler.contexts.get("TSPR040").get(1).attempt())
                .as("a rate limit is no attempt")
                .isEqualTo(1);
    }

    @Test
    void a_tenants_items_get_ready_while_its_calls_run_and_no_more_than_its_concurrency_of_calls_run_at_once() {
        var items = new Concurrency();
        var calls = new Concurrency();
        var handler = new RecordingHandler((item, slot) -> {
            items.enter();
            try {
                RecordingHandler.sleep(20);
                slot.run(() -> {
                    calls.enter();
                    RecordingHandler.sleep(40);
                    calls.leave();
                });
                RecordingHandler.sleep(20);
                return ItemOutcome.succeeded();
            } finally {
                items.leave();
            }
        });
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(40), null);

        engine.node(BulkFixture.concurrency(8, 2), handler);
        var progress = engine.awaitComplete(job);

        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(40);
        assertThat(calls.most()).as("calls at once").isEqualTo(2);
        assertThat(items.most()).as("items at once").isGreaterThan(2).isLessThanOrEqualTo(4);
    }

    /** Counts how many run at once, and the most that ever did. */
    private static final class Concurrency {

        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        void enter() {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }

        int most() {
            return most.get();
        }
    }

    @Test
    void the_limits_hold_every_item_of_a_rate_limited_tenant() {
        var limits = new TenantLimits(BulkFixture.fast(), Clock.systemUTC());
        assertThat(limits.reserve(1, 3)).isEqualTo(3);

        limits.rateLimited(1, Duration.ofMinutes(1));

        assertThat(limits.reserve(1, 3)).isZero();
        assertThat(limits.reserve(2, 3)).as("another tenant").isEqualTo(3);
    }

    @Test
    void an_unavailable_thingsee_is_tried_again_and_then_fails_the_item_with_the_api_message() {
        var handler = new RecordingHandler(item -> {
            throw new ThingseeException.Unavailable(503, "Service Unavailable", "Try later", null);
        });
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(1), null);

        engine.node(BulkFixture.fast(), handler);
        engine.awaitComplete(job);

        assertThat(handler.runs("TSPR040")).isEqualTo(3);
        assertThat(engine.items(job).get("TSPR040"))
                .isEqualTo(new BulkItemView("TSPR040", 0, BulkItemState.FAILED, ItemOutcome.THINGSEE, "Try later"));
    }

    @Test
    void an_item_past_its_deadline_fails_with_a_message_saying_so() {
        var handler = new RecordingHandler(item -> {
            block(new CountDownLatch(1));
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(1), null);

        engine.node(BulkFixture.properties(Duration.ofMillis(200), Duration.ofSeconds(2)), handler);
        engine.awaitComplete(job);

        assertThat(engine.items(job).get("TSPR040"))
                .isEqualTo(new BulkItemView(
                        "TSPR040", 0, BulkItemState.FAILED, ItemOutcome.DEADLINE, "No outcome within 0.2 s"));
    }

    @Test
    void an_item_whose_node_died_is_run_again_by_another_node_after_its_lease() throws Exception {
        var stuck = new CountDownLatch(1);
        var handler = new RecordingHandler(item -> {
            if (!item.isRepeat()) {
                stuck.countDown();
                block(new CountDownLatch(1));
            }
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        var shortLease = BulkFixture.properties(Duration.ofMillis(300), Duration.ofMillis(400));
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(1), null);
        // Its call deadline is far off, so that however slowly this thread gets to the kill, the node cannot have
        // failed the stuck item first.
        BulkWorkers dying =
                engine.node(BulkFixture.properties(Duration.ofSeconds(30), Duration.ofMillis(400)), handler);
        assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();

        dying.kill();
        engine.node(shortLease, handler);

        assertThat(engine.awaitComplete(job).count(BulkItemState.SUCCEEDED)).isEqualTo(1);
        assertThat(handler.runs("TSPR040")).isEqualTo(2);
        assertThat(handler.contexts.get("TSPR040").get(1).isRepeat()).isTrue();
    }

    @Test
    void a_node_renews_the_lease_of_an_item_that_runs_longer_so_no_other_node_runs_it_again() {
        // A lease far shorter than the item stands for a node slowed down (a long pause, a starved machine): as long as
        // it is alive, it keeps its items.
        var handler = new RecordingHandler(item -> {
            RecordingHandler.sleep(1_200);
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        var shortLease = BulkFixture.properties(Duration.ofSeconds(10), Duration.ofMillis(300));
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(4), null);

        engine.node(shortLease, handler);
        engine.node(shortLease, handler);

        assertThat(engine.awaitComplete(job).count(BulkItemState.SUCCEEDED)).isEqualTo(4);
        assertThat(handler.runs).hasSize(4);
        assertThat(handler.runs.values()).allMatch(runs -> runs.get() == 1);
    }

    @Test
    void items_submitted_with_a_skip_reason_are_counted_as_skipped_and_never_run() {
        var handler = new RecordingHandler();
        var engine = fixture(handler);
        long job = engine.submit(
                RecordingHandler.KIND,
                List.of(
                        BulkItemRequest.run("TSPR04A"),
                        BulkItemRequest.skip("TSPR04B", "Offline"),
                        BulkItemRequest.run("TSPR04C")),
                null);

        engine.node(BulkFixture.fast(), handler);
        var progress = engine.awaitComplete(job);

        assertThat(progress.count(BulkItemState.SKIPPED)).isEqualTo(1);
        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(2);
        assertThat(handler.runs).containsOnlyKeys("TSPR04A", "TSPR04C");
        assertThat(engine.items(job).get("TSPR04B").message()).isEqualTo("Offline");
    }

    @Test
    void retrying_a_finished_job_runs_exactly_its_failed_items_again() {
        var failing = new AtomicInteger(1);
        var handler = new RecordingHandler(item -> item.key().equals("TSPR041") && failing.getAndDecrement() > 0
                ? ItemOutcome.failed("BROKEN", "")
                : ItemOutcome.succeeded());
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(3), 100);
        engine.node(BulkFixture.fast(), handler);
        engine.awaitComplete(job);

        assertThat(engine.as(() -> engine.jobs().retryFailed(job))).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.finishes.get() == 2);
        assertThat(engine.progress(job).count(BulkItemState.SUCCEEDED)).isEqualTo(3);
        assertThat(handler.runs("TSPR040")).isEqualTo(1);
        assertThat(handler.runs("TSPR041")).isEqualTo(2);
    }

    @Test
    void a_job_with_nothing_to_run_is_done_at_once() {
        var handler = new RecordingHandler();
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, List.of(), null);

        engine.node(BulkFixture.fast(), handler);

        assertThat(engine.awaitComplete(job).state()).isEqualTo(BulkJobState.DONE);
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void a_job_whose_last_outcome_was_recorded_by_a_node_that_died_before_moving_it_on_is_finished_by_a_poll() {
        var handler = new RecordingHandler();
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(3), null);
        engine.jdbc
                .sql("UPDATE bulk_item SET state = 'SUCCEEDED', outcome = 'OK', finished_at = ? WHERE job_id = ?")
                .params(java.sql.Timestamp.from(Instant.now()), job)
                .update();

        engine.node(BulkFixture.fast(), handler);

        var progress = engine.awaitComplete(job);
        assertThat(progress.state()).isEqualTo(BulkJobState.DONE);
        assertThat(progress.count(BulkItemState.SUCCEEDED)).isEqualTo(3);
        assertThat(handler.runs).isEmpty();
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void a_job_whose_first_items_failed_aborts_when_the_successes_after_them_reach_its_minimum_of_finished_items() {
        var handler = new RecordingHandler(
                item -> item.position() < 8 ? ItemOutcome.failed("BROKEN", "") : ItemOutcome.succeeded());
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(40), 50);

        // one worker, so that items finish one after the other: with eight at once a loaded machine could finish the
        // eight successes after the failures before any of them counted, and the job would pass its window to abort
        engine.node(BulkFixture.concurrency(1, 1), handler);

        var progress = engine.awaitComplete(job);
        assertThat(progress.state())
                .as("8 of the first 10 finished items failed")
                .isEqualTo(BulkJobState.ABORTED);
        assertThat(progress.count(BulkItemState.CANCELED)).isPositive();
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void the_time_left_follows_the_rate_of_the_recently_finished_items() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        var finishes =
                List.of(start, start.plusSeconds(1), start.plusSeconds(2), start.plusSeconds(3), start.plusSeconds(4));

        assertThat(BulkProgress.timeLeft(finishes, 10, start.plusSeconds(4))).isEqualTo(Duration.ofSeconds(10));
        assertThat(BulkProgress.timeLeft(finishes, 10, start.plusSeconds(8)))
                .as("a stalled job's estimate grows")
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(BulkProgress.timeLeft(finishes.subList(0, 1), 10, start)).isNull();
        assertThat(BulkProgress.timeLeft(finishes, 0, start)).isNull();
    }

    @Test
    void a_running_jobs_progress_estimates_the_time_left() throws Exception {
        var release = new CountDownLatch(1);
        var handler = new RecordingHandler(item -> {
            if (Integer.parseInt(item.key().substring(6)) >= 5) {
                block(release);
            }
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        var oneAtATime = new BulkProperties(
                1,
                1,
                10_000,
                1_000,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMillis(10),
                Duration.ofMillis(200),
                0,
                Duration.ofMillis(10),
                50,
                10,
                Duration.ofDays(90));
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(10), null);
        engine.node(oneAtATime, handler);

        var progress = await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.progress(job), now -> now.count(BulkItemState.SUCCEEDED) == 5);
        release.countDown();

        assertThat(progress.timeLeft()).isNotNull().isGreaterThan(Duration.ZERO);
        assertThat(progress.elapsed()).isGreaterThan(Duration.ZERO);
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
