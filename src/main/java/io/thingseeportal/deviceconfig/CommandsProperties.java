package io.thingseeportal.deviceconfig;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration commands ({@code portal.commands.*}).
 *
 * @param echoDeadline the shortest wait for a device's echo before its command times out (REFERENCE 9.9)
 * @param echoDeadlineReportIntervals how many of the device's report intervals the wait lasts when that is longer
 * @param timeoutCheckInterval how often commands past their deadline are timed out
 * @param scheduledTimeouts whether they are timed out on a schedule; the tests switch it off and time out by hand
 * @param identifySeconds how long the LED of a device blinks when someone looks for it
 */
@Validated
@ConfigurationProperties("portal.commands")
public record CommandsProperties(
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1)
        Duration echoDeadline,

        @DefaultValue("2") @Min(1) @Max(100) int echoDeadlineReportIntervals,

        @DefaultValue("15s") @NotNull @DurationMin(millis = 100)
        Duration timeoutCheckInterval,

        @DefaultValue("true") boolean scheduledTimeouts,
        @DefaultValue("60") @Min(1) @Max(3600) int identifySeconds) {}
