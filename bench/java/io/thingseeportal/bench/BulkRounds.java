package io.thingseeportal.bench;

import io.thingseeportal.deviceconfig.ConfigurationRollouts;
import io.thingseeportal.deviceconfig.RolloutRequest;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rounds of the bulk-work engine's two kinds of job that the benchmark times: a configuration rollout to a group and
 * a move of devices between two groups. Each round's time runs from the call that starts the job (the rollout's plan
 * included) to the job's {@code finished_at}: every item has its outcome.
 */
final class BulkRounds {

    /** The message rolled out: measurement and report intervals, which every sensor of the fleet takes. */
    static final int TSM_ID = 1500;

    static final int REPORT_INTERVAL = 600;

    /** A timed job: how long it took, how long its start took, and how many of its items succeeded. */
    record Timed(long jobId, Duration took, Duration start, long succeeded, long items) {

        double seconds() {
            return took.toMillis() / 1000.0;
        }
    }

    private final RemoteConfigFleet fleet;
    private final ConfigurationRollouts rollouts;
    private final GroupService groups;

    BulkRounds(RemoteConfigFleet fleet, ConfigurableApplicationContext portal) {
        this.fleet = fleet;
        this.rollouts = portal.getBean(ConfigurationRollouts.class);
        this.groups = portal.getBean(GroupService.class);
    }

    /**
     * Rolls out 1500 to every device of the rollout group; {@code marker} is the measurement interval it asks, which
     * the device pages show in the command's row.
     */
    Timed rollout(int marker) throws InterruptedException {
        var request = new RolloutRequest(
                TSM_ID,
                Map.of("measurementInterval", marker, "reportInterval", REPORT_INTERVAL),
                List.of(),
                RemoteConfigFleet.ROLLOUT_GROUP.value(),
                false,
                false,
                null);
        Instant started = Instant.now();
        long jobId = fleet.asAdmin(() -> rollouts.start(request));
        return awaitFinished(jobId, started, Duration.between(started, Instant.now()));
    }

    /** Moves the devices from one group to the other in even rounds (the warm-up is round 0), and back in odd ones. */
    Timed move(int round, List<String> tuids) throws InterruptedException {
        GroupId from = round % 2 == 0 ? RemoteConfigFleet.MOVE_FROM : RemoteConfigFleet.MOVE_TO;
        GroupId to = round % 2 == 0 ? RemoteConfigFleet.MOVE_TO : RemoteConfigFleet.MOVE_FROM;
        Instant started = Instant.now();
        long jobId = fleet.asAdmin(() -> groups.moveDevices(from, tuids, to));
        return awaitFinished(jobId, started, Duration.between(started, Instant.now()));
    }

    private Timed awaitFinished(long jobId, Instant started, Duration start) throws InterruptedException {
        var jdbc = fleet.jdbc();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            var finished = jdbc.sql("SELECT finished_at FROM bulk_job WHERE id = ?")
                    .param(jobId)
                    .query(Timestamp.class)
                    .optional();
            if (finished.isPresent()) {
                long succeeded = count(jobId, "state = 'SUCCEEDED'");
                long items = count(jobId, "TRUE");
                return new Timed(jobId, Duration.between(started, finished.get().toInstant()), start, succeeded, items);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Job " + jobId + " did not finish within 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    private long count(long jobId, String condition) {
        return fleet.jdbc()
                .sql("SELECT count(*) FROM bulk_item WHERE job_id = ? AND " + condition)
                .param(jobId)
                .query(Long.class)
                .single();
    }
}
