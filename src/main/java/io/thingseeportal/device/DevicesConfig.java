package io.thingseeportal.device;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The scheduled trimming of the message history ({@code portal.devices.scheduled-retention},
 * {@code portal.devices.retention-interval}), a minute after the start and then one interval after each run ended.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DevicesConfig implements SchedulingConfigurer {

    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final DevicesProperties properties;
    private final MessageRetention retention;

    DevicesConfig(DevicesProperties properties, MessageRetention retention) {
        this.properties = properties;
        this.retention = retention;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.scheduledRetention()) {
            registrar.addFixedDelayTask(
                    new FixedDelayTask(retention::trimAllTenants, properties.retentionInterval(), FIRST_RUN));
        }
    }
}
