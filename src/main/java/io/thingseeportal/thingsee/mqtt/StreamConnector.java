package io.thingseeportal.thingsee.mqtt;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream's own thread for connecting and subscribing, and the growing waits between attempts (from
 * {@link #FIRST_RETRY}, doubled up to the node's longest). Once stopped, it takes nothing more.
 */
final class StreamConnector {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(StreamConnector.class);

    private final String tenant;
    private final Duration longest;
    private final ScheduledExecutorService executor;

    StreamConnector(String tenant, Duration longest) {
        this.tenant = tenant;
        this.longest = longest;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "thingsee-stream-connector-" + tenant);
            thread.setDaemon(true);
            return thread;
        });
    }

    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("Tenant '{}': stopping, {} not run", tenant, task);
        }
    }

    void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Tenant '{}': stopping, retry not scheduled", tenant);
        }
    }

    /** The next wait after this one. */
    Duration doubled(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }

    void stop() {
        executor.shutdownNow();
    }
}
