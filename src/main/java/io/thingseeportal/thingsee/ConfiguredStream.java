package io.thingseeportal.thingsee;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's data stream as the database says it should run.
 *
 * @param stream the settings to connect with, passwords opened; null when they cannot be used
 * @param problem why they cannot be used (a password that does not open, a broker address that does not read), or null
 */
public record ConfiguredStream(
        String tenant,
        ThingseeProperties.@Nullable Stream stream,
        @Nullable String problem) {}
