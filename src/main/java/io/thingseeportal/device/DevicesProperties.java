package io.thingseeportal.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live fleet ({@code portal.devices.*}): device state from the data stream and its message history.
 *
 * @param messageHistory how long each message is kept in the history ({@code device_message})
 * @param retentionInterval how often the history of every tenant is trimmed; with several nodes one of them trims a
 *     tenant about once per interval
 * @param scheduledRetention whether the portal trims the history on a schedule; the tests switch it off
 * @param maxClockSkew how far after its arrival a message's own time ({@code tsmTs}) is still believed; a message from
 *     further in the future counts as seen when it arrived
 * @param defaultReportInterval the report interval of a device that has not reported its 1500 configuration
 * @param staleAfterReports after how many missed reports a device counts as stale
 * @param lowBatteryPercent the battery level at or below which a device's battery counts as low
 * @param timeRefresh how often an open device list or device page words its times relative to now ("3 min ago")
 *     again
 */
@Validated
@ConfigurationProperties("portal.devices")
public record DevicesProperties(
        @DefaultValue("7d") @NotNull @DurationMin(minutes = 1)
        Duration messageHistory,

        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1)
        Duration retentionInterval,

        @DefaultValue("true") boolean scheduledRetention,

        @DefaultValue("5m") @NotNull @DurationMin(seconds = 0)
        Duration maxClockSkew,

        @DefaultValue("300s") @NotNull @DurationMin(seconds = 1)
        Duration defaultReportInterval,

        @DefaultValue("3") @Min(1) @Max(100) int staleAfterReports,

        @DefaultValue("20") @Min(0) @Max(100) int lowBatteryPercent,

        @DefaultValue("1m") @NotNull @DurationMin(millis = 100)
        Duration timeRefresh) {}
