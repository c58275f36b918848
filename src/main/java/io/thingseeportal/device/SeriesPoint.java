package io.thingseeportal.device;

import java.time.Instant;

/** One reading of a series; a downsampled point is the mean of the readings of its time bucket. */
public record SeriesPoint(Instant time, double value) {}
