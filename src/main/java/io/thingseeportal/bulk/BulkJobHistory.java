package io.thingseeportal.bulk;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps finished jobs for {@code portal.bulk.job-history}: a 10,000-device rollout leaves 10,000 item rows, which
 * nobody reads once its report is old. The commands a rollout sent and the group history stay. Every node runs it; a
 * job deleted by one is simply not there for the others.
 */
@Service
class BulkJobHistory {

    private static final Logger log = LoggerFactory.getLogger(BulkJobHistory.class);

    private final BulkJobStore jobs;
    private final BulkProperties properties;
    private final Clock clock;

    BulkJobHistory(BulkJobStore jobs, BulkProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes the jobs that finished longer ago than the history keeps; returns how many. */
    @Transactional
    int deleteOld() {
        int deleted = jobs.deleteFinishedBefore(clock.instant().minus(properties.jobHistory()));
        if (deleted > 0) {
            log.info(
                    "{} bulk jobs finished more than {} ago deleted with their items",
                    deleted,
                    properties.jobHistory());
        }
        return deleted;
    }
}
