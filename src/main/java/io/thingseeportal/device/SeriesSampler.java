package io.thingseeportal.device;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers a series' readings (oldest first) and gives at most {@code maxPoints} of them: all readings when they are
 * few enough, otherwise one point per time bucket ({@code range / maxPoints} wide), the mean of the bucket's readings
 * at the mean of their times. A chart a few hundred pixels wide shows no more than that anyway.
 */
final class SeriesSampler {

    private final Instant from;
    private final Duration range;
    private final int maxPoints;
    private final List<SeriesPoint> readings = new ArrayList<>();

    SeriesSampler(Instant from, Duration range, int maxPoints) {
        this.from = from;
        this.range = range;
        this.maxPoints = maxPoints;
    }

    void add(Instant time, double value) {
        readings.add(new SeriesPoint(time, value));
    }

    List<SeriesPoint> points() {
        if (readings.size() <= maxPoints) {
            return List.copyOf(readings);
        }
        long width = Math.max(1, range.toMillis() / maxPoints);
        var points = new ArrayList<SeriesPoint>(maxPoints);
        long bucket = Long.MIN_VALUE;
        double timeSum = 0;
        double valueSum = 0;
        int count = 0;
        for (SeriesPoint reading : readings) {
            long offset = reading.time().toEpochMilli() - from.toEpochMilli();
            long index = Math.max(0, Math.min(maxPoints - 1, offset / width));
            if (index != bucket && count > 0) {
                points.add(mean(timeSum, valueSum, count));
                timeSum = 0;
                valueSum = 0;
                count = 0;
            }
            bucket = index;
            timeSum += reading.time().toEpochMilli();
            valueSum += reading.value();
            count++;
        }
        if (count > 0) {
            points.add(mean(timeSum, valueSum, count));
        }
        return points;
    }

    private static SeriesPoint mean(double timeSum, double valueSum, int count) {
        return new SeriesPoint(Instant.ofEpochMilli(Math.round(timeSum / count)), valueSum / count);
    }
}
