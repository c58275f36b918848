package io.thingseeportal.device;

import java.time.Duration;

/** How far back a device's chart reaches. */
public enum SeriesRange {
    DAY(Duration.ofHours(24)),
    WEEK(Duration.ofDays(7));

    private final Duration length;

    SeriesRange(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}
