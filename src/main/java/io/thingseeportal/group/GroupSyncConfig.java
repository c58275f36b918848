package io.thingseeportal.group;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The scheduled sync with Thingsee ({@code portal.groups.scheduled-sync}, {@code portal.groups.sync-interval}). A
 * fixed delay, not a fixed rate: a long sync never overlaps the next one on the same node.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GroupSyncConfig implements SchedulingConfigurer {

    private final GroupsProperties properties;
    private final GroupSyncService sync;

    GroupSyncConfig(GroupsProperties properties, GroupSyncService sync) {
        this.properties = properties;
        this.sync = sync;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.scheduledSync()) {
            registrar.addFixedDelayTask(
                    new FixedDelayTask(sync::syncAllTenants, properties.syncInterval(), properties.syncInitialDelay()));
        }
    }
}
