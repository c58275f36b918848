package io.thingseeportal.deviceconfig;

import org.jspecify.annotations.Nullable;

/**
 * A parameter the device echoed otherwise than requested.
 *
 * @param echoed the device's value; null when the echo left the parameter out
 */
public record FieldDifference(
        String field, Object requested, @Nullable Object echoed) {}
