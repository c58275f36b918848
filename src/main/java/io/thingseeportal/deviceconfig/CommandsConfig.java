package io.thingseeportal.deviceconfig;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The scheduled time-out of commands ({@code portal.commands.scheduled-timeouts}, {@code …timeout-check-interval}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CommandsConfig implements SchedulingConfigurer {

    private final CommandsProperties properties;
    private final CommandTimeouts timeouts;

    CommandsConfig(CommandsProperties properties, CommandTimeouts timeouts) {
        this.properties = properties;
        this.timeouts = timeouts;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.scheduledTimeouts()) {
            Duration interval = properties.timeoutCheckInterval();
            registrar.addFixedDelayTask(new FixedDelayTask(timeouts::timeOutDue, interval, interval));
        }
    }
}
