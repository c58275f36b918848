package io.thingseeportal.bulk;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the followers of a job (views) that it moved on: after its items' outcomes on this node, gathered into at
 * most {@link #MAX_PER_SECOND} deliveries a second, and every {@link #REFRESH} anyway, which shows other nodes'
 * progress and keeps the elapsed time and the time left current. {@link BulkJobs#subscribe} checks the tenant.
 */
@Component
class BulkUpdates {

    static final int MAX_PER_SECOND = 4;
    static final Duration REFRESH = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(BulkUpdates.class);

    private final Map<Long, Set<Subscription>> byJob = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "bulk-updates");
        thread.setDaemon(true);
        return thread;
    });

    BulkUpdates(Clock clock) {
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::deliver, 0, 1000 / MAX_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    Registration subscribe(long jobId, Runnable listener) {
        var subscription = new Subscription(listener);
        byJob.computeIfAbsent(jobId, job -> ConcurrentHashMap.newKeySet()).add(subscription);
        return () -> byJob.computeIfPresent(jobId, (job, subscriptions) -> {
            subscriptions.remove(subscription);
            return subscriptions.isEmpty() ? null : subscriptions;
        });
    }

    @EventListener
    void on(BulkProgressChanged changed) {
        Set<Subscription> subscriptions = byJob.get(changed.jobId());
        if (subscriptions != null) {
            subscriptions.forEach(subscription -> subscription.dirty = true);
        }
    }

    private void deliver() {
        Instant now = clock.instant();
        byJob.values()
                .forEach(subscriptions -> subscriptions.forEach(subscription -> {
                    if (subscription.dirty || !now.isBefore(subscription.delivered.plus(REFRESH))) {
                        subscription.dirty = false;
                        subscription.delivered = now;
                        try {
                            subscription.listener.run();
                        } catch (RuntimeException e) {
                            log.warn("A follower of a bulk job failed", e);
                        }
                    }
                }));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private static final class Subscription {
        final Runnable listener;
        volatile boolean dirty = true;
        volatile Instant delivered = Instant.MIN;

        Subscription(Runnable listener) {
            this.listener = listener;
        }
    }
}
