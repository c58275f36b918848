package io.thingseeportal.bulk;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Old jobs go ({@code portal.bulk.job-history}): an hour after the start, then hourly. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BulkConfig implements SchedulingConfigurer {

    private static final Duration INTERVAL = Duration.ofHours(1);

    private final BulkJobHistory history;

    BulkConfig(BulkJobHistory history) {
        this.history = history;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(history::deleteOld, INTERVAL, INTERVAL));
    }
}
