package io.thingseeportal.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One device at one moment, for {@link DeviceReadings}: its local solar time (from its longitude), whether it is a
 * weekend there, and deterministic random sources keyed by the simulator's seed, the device's TUID and a channel name.
 */
final class ReadingMoment {

    static final double HOUR = 3600;
    private static final double DAY = 24 * HOUR;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    final String tuid;
    final double seconds;
    final double hour;
    final boolean weekend;
    final double interval;

    ReadingMoment(long seed, SimulatedDevice device, Instant at, Duration sinceLast) {
        this.seed = seed;
        this.tuid = device.tuid();
        this.seconds = at.toEpochMilli() / 1000.0;
        double local = seconds + device.lon() / 15 * HOUR;
        this.hour = (local - Math.floor(local / DAY) * DAY) / HOUR;
        var day = LocalDate.ofEpochDay((long) Math.floor(local / DAY)).getDayOfWeek();
        this.weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        this.interval = Math.max(1, sinceLast.toMillis() / 1000.0);
    }

    /** Reports of the default 5 minutes this report stands for. */
    double reports() {
        return interval / 300;
    }

    double weekFactor() {
        return weekend ? 0.1 : 1;
    }

    /** How busy the place is, 0 to 1: office hours on weekdays, a little on weekends. */
    double occupancy() {
        double day = smoothstep(7, 9, hour) * (1 - smoothstep(16, 18.5, hour));
        double lunch = 1 - 0.3 * bump(hour, 12, 0.5);
        return day * lunch * weekFactor();
    }

    /** This device's fixed draw in [0, 1) for {@code channel}. */
    double unit(String channel) {
        return unit(channel, 0);
    }

    double unit(String channel, long index) {
        return toUnit(hash(key(tuid, channel), index));
    }

    /** A fresh draw in [-1, 1] for every second. */
    double jitter(String channel) {
        return 2 * unit(channel + "-jitter", (long) Math.floor(seconds)) - 1;
    }

    /** Smooth noise in [-1, 1]: random points {@code period} apart, joined by cosine curves. */
    double smooth(String channel, double period) {
        return smooth(key(tuid, channel), period);
    }

    /** Like {@link #smooth(String, double)}, but the same for every device: the weather outside. */
    double weather(String channel, double period) {
        return smooth(key("", channel), period);
    }

    long block(double period) {
        return (long) Math.floor(seconds / period);
    }

    private double smooth(long key, double period) {
        double position = seconds / period;
        long knot = (long) Math.floor(position);
        double weight = (1 - Math.cos(Math.PI * (position - knot))) / 2;
        double from = 2 * toUnit(hash(key, knot)) - 1;
        double to = 2 * toUnit(hash(key, knot + 1)) - 1;
        return from + (to - from) * weight;
    }

    private long key(String device, String channel) {
        return mix(mix(seed) ^ mix(device.hashCode() * GOLDEN) ^ channel.hashCode());
    }

    private static long hash(long key, long index) {
        return mix(key + index * GOLDEN);
    }

    /** SplitMix64's finaliser: every bit of the input affects every bit of the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double toUnit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    static double bump(double x, double centre, double width) {
        double z = (x - centre) / width;
        return Math.exp(-z * z / 2);
    }

    static double smoothstep(double from, double to, double x) {
        double t = clamp((x - from) / (to - from), 0, 1);
        return t * t * (3 - 2 * t);
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
