package io.thingseeportal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingseeportal.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The engine on real PostgreSQL: SKIP LOCKED claims across nodes, and a node that dies or stops mid-job. */
class BulkEngineIT {

    private BulkFixture fixture;

    @AfterEach
    void stopTheNodes() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private BulkFixture fixture(BulkHandler handler) {
        var dataSource = new DriverManagerDataSource(
                TestPostgres.freshDatabase("portal_bulk_it"), TestPostgres.USER, TestPostgres.PASSWORD);
        fixture = new BulkFixture(dataSource, Clock.systemUTC(), BulkFixture.fast(), handler);
        return fixture;
    }

    @Test
    void two_nodes_on_postgresql_never_run_an_item_twice() {
        var handler = new RecordingHandler();
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(200), null);

        engine.node(BulkFixture.fast(), handler);
        engine.node(BulkFixture.fast(), handler);

        assertThat(engine.awaitComplete(job).count(BulkItemState.SUCCEEDED)).isEqualTo(200);
        assertThat(handler.runs).hasSize(200);
        assertThat(handler.runs.values()).allMatch(runs -> runs.get() == 1);
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void a_new_node_finishes_the_job_of_one_that_died_running_again_only_the_items_it_was_running() throws Exception {
        // Items started while the node is about to die wait until it has died, so that it dies running some.
        var dyingSoon = new AtomicBoolean();
        var handler = new RecordingHandler(item -> {
            RecordingHandler.sleep(20);
            while (dyingSoon.get()) {
                RecordingHandler.sleep(5);
            }
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        var shortLease = BulkFixture.properties(Duration.ofMillis(500), Duration.ofSeconds(1));
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(200), null);
        BulkWorkers dying = engine.node(shortLease, handler);
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.progress(job).count(BulkItemState.SUCCEEDED) >= 40);
        dyingSoon.set(true);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !running(engine, job, dying).isEmpty());

        dying.kill();
        dyingSoon.set(false);
        Set<String> cutOff = running(engine, job, dying);
        assertThat(cutOff).as("the items the node was running when it died").isNotEmpty();
        engine.node(shortLease, handler);

        assertThat(engine.awaitComplete(job).count(BulkItemState.SUCCEEDED)).isEqualTo(200);
        assertThat(handler.runs).hasSize(200);
        handler.runs.forEach((key, runs) -> {
            assertThat(runs.get()).as(key).isBetween(1, cutOff.contains(key) ? 2 : 1);
        });
        assertThat(handler.finishes).hasValue(1);
    }

    @Test
    void a_node_that_stops_lets_its_items_finish_and_a_new_node_runs_each_of_the_rest_once() {
        var handler = new RecordingHandler(item -> {
            RecordingHandler.sleep(20);
            return ItemOutcome.succeeded();
        });
        var engine = fixture(handler);
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(200), null);
        BulkWorkers stopping = engine.node(BulkFixture.fast(), handler);
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.progress(job).count(BulkItemState.SUCCEEDED) >= 40);

        stopping.stop();
        assertThat(engine.progress(job).count(BulkItemState.RUNNING)).isZero();
        engine.node(BulkFixture.fast(), handler);

        assertThat(engine.awaitComplete(job).count(BulkItemState.SUCCEEDED)).isEqualTo(200);
        assertThat(handler.runs.values()).allMatch(runs -> runs.get() == 1);
    }

    private static Set<String> running(BulkFixture engine, long job, BulkWorkers node) {
        return engine.jdbc
                .sql("SELECT item_key FROM bulk_item WHERE job_id = ? AND state = 'RUNNING' AND lease_owner = ?")
                .params(job, node.node())
                .query(String.class)
                .set();
    }
}
