package io.thingseeportal.installation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Installing sensors ({@code portal.installation.*}; reading their labels is {@link ScanProperties}).
 *
 * @param livenessWait how long the done screen waits for a new sensor's first message before it says what to check
 */
@Validated
@ConfigurationProperties("portal.installation")
public record InstallationProperties(
        @DefaultValue("5m") @NotNull Duration livenessWait) {}
