package io.thingseeportal.group;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deployment groups ({@code portal.groups.*}).
 *
 * @param scheduledSync whether the portal syncs every tenant's groups with Thingsee on a schedule ("Sync now" works
 *     either way)
 * @param syncInterval the time from the end of one scheduled sync to the start of the next; with several nodes a
 *     tenant is synced by one of them about once per interval
 * @param syncInitialDelay the time from the start of the portal to its first scheduled sync
 */
@Validated
@ConfigurationProperties("portal.groups")
public record GroupsProperties(
        @DefaultValue("true") boolean scheduledSync,

        @DefaultValue("15m") @NotNull @DurationMin(seconds = 1)
        Duration syncInterval,

        @DefaultValue("1m") @NotNull Duration syncInitialDelay) {}
