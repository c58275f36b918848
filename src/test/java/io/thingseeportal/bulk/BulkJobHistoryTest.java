package io.thingseeportal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finished jobs are kept for {@code portal.bulk.job-history} (90 days here), then deleted with their items. */
class BulkJobHistoryTest {

    private final RecordingHandler handler = new RecordingHandler();
    private BulkFixture engine;
    private BulkJobHistory history;

    @BeforeEach
    void anEngineThatKeepsNinetyDays() {
        engine = new BulkFixture(BulkFixture.h2(), Clock.systemUTC(), BulkFixture.fast(), handler);
        history = new BulkJobHistory(engine.jobStore(), BulkFixture.fast(), Clock.systemUTC());
    }

    @AfterEach
    void stopTheNodes() {
        engine.close();
    }

    @Test
    void a_job_that_finished_more_than_ninety_days_ago_goes_with_its_items() {
        long old = finishedDaysAgo(91);

        assertThat(history.deleteOld()).isEqualTo(1);

        assertThatThrownBy(() -> engine.as(() -> engine.jobs().job(old))).isInstanceOf(BulkJobNotFoundException.class);
        assertThat(engine.jdbc
                        .sql("SELECT count(*) FROM bulk_item WHERE job_id = ?")
                        .param(old)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_job_that_finished_within_ninety_days_stays() {
        long recent = finishedDaysAgo(89);

        assertThat(history.deleteOld()).isZero();

        assertThat(engine.progress(recent).count(BulkItemState.SUCCEEDED)).isEqualTo(3);
    }

    @Test
    void a_job_that_started_long_ago_and_has_not_finished_stays() {
        long paused = engine.submit(RecordingHandler.KIND, BulkFixture.items(3), null);
        engine.as(() -> engine.jobs().pause(paused));
        engine.jdbc
                .sql("UPDATE bulk_job SET created_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(200))), paused)
                .update();

        assertThat(history.deleteOld()).isZero();

        assertThat(engine.progress(paused).count(BulkItemState.PENDING)).isEqualTo(3);
    }

    /** A job of three items, run to its end and wrapped up, whose finish is then moved back by that many days. */
    private long finishedDaysAgo(int days) {
        long job = engine.submit(RecordingHandler.KIND, BulkFixture.items(3), null);
        engine.node(BulkFixture.fast(), handler);
        engine.awaitComplete(job);
        engine.jdbc
                .sql("UPDATE bulk_job SET finished_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(days))), job)
                .update();
        return job;
    }
}
