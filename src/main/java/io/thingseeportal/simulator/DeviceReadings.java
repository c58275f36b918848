package io.thingseeportal.simulator;

import static io.thingseeportal.simulator.ReadingMoment.bump;
import static io.thingseeportal.simulator.ReadingMoment.clamp;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a simulated device measures (REFERENCE 6): values that change plausibly over time, so that lists and charts show
 * something real. Each value is a pure function of the simulator's seed, the device's TUID and the time: a per-device
 * base, daily cycles on the device's local solar time (from its longitude, weekends quieter than weekdays), and smooth
 * noise that interpolates between random points hours or minutes apart, which makes a bounded random walk with small
 * steps between reports. Restarts and tests therefore see the same values, and nothing is kept in memory. Only the
 * COUNT totals carry over: they add each report's counts to the previous report's totals.
 */
final class DeviceReadings {

    static final int BOOT_INFO = 1100;
    static final int CO2 = 24100;
    static final int TVOC = 24101;
    static final String TOTAL_IN = "totalIn";
    static final String TOTAL_OUT = "totalOut";

    private static final double HOUR = ReadingMoment.HOUR;

    private final long seed;

    DeviceReadings(long seed) {
        this.seed = seed;
    }

    /**
     * The data messages the device sends in one report at {@code at}, by message id in the order they are sent.
     *
     * @param interval the time since its previous report, for the counts of that period
     * @param lastCount the fields of its previous COUNT message (13103), if any, whose totals this one continues
     */
    Map<Integer, Map<String, Object>> report(
            SimulatedDevice device, Instant at, Duration interval, @Nullable Map<String, Object> lastCount) {
        var moment = new ReadingMoment(seed, device, at, interval);
        var messages = new LinkedHashMap<Integer, Map<String, Object>>();
        int id = device.type().dataMessageId();
        switch (device.type()) {
            case GATEWAY -> messages.put(id, Map.of("heartbeatInterval", 10, "sinkCost", sinkCost(moment)));
            case PRESENCE -> messages.put(id, Map.of("moveCount", moveCount(moment)));
            case ENVIRONMENT, RUGGED -> messages.put(id, environment(moment));
            case DISTANCE, BEAM -> messages.put(id, Map.of("dist", distance(moment)));
            case ANGLE -> messages.put(id, Map.of("angle", angle(moment)));
            case AIR -> {
                int carbonDioxide = carbonDioxide(moment);
                messages.put(CO2, Map.of("carbonDioxide", carbonDioxide, "status", 0));
                messages.put(TVOC, Map.of("tvoc", tvoc(moment, carbonDioxide)));
            }
            case LEAKAGE -> messages.put(id, Map.of("resistance", resistance(moment)));
            case COUNT -> messages.put(id, count(moment, lastCount));
        }
        return messages;
    }

    /** 1100 system info, as a device sends it at boot (tsmEv 11). */
    static Map<String, Object> bootInfo(SimulatedDevice device) {
        return Map.of(
                "swVersion", device.version(),
                "modelCode", device.tuid().substring(0, 6),
                "psn", device.tuid().substring(6));
    }

    private Map<String, Object> environment(ReadingMoment at) {
        double daily = Math.sin(2 * Math.PI * (at.hour - 9) / 24);
        double temp = 20
                + 4 * at.unit("temp-base")
                + 0.8 * daily
                + 0.8 * at.smooth("temp-slow", 4 * HOUR)
                + 0.3 * at.smooth("temp-fast", 0.75 * HOUR)
                + 0.05 * at.jitter("temp");
        double humd = 37
                + 9 * at.unit("humd-base")
                - 3 * daily
                + 5 * at.smooth("humd-slow", 7 * HOUR)
                + 1.5 * at.smooth("humd-fast", 0.8 * HOUR)
                + 0.2 * at.jitter("humd");
        double airp = 101000
                + 150 * (2 * at.unit("airp-base") - 1)
                + 800 * at.weather("airp", 36 * HOUR)
                + 60 * at.weather("airp-fast", 3 * HOUR)
                + 2 * at.jitter("airp");
        double daylight = Math.max(0, Math.sin(Math.PI * (at.hour - 5) / 14));
        double clouds = 0.6 + 0.2 * (at.weather("clouds", 2 * HOUR) + 1);
        double lamps = Math.min(1, 3 * at.occupancy()) * (250 + 100 * at.unit("lamps"));
        double lght = daylight * (150 + 550 * at.unit("window")) * clouds + lamps + 2 * Math.abs(at.jitter("lght"));
        var fields = new LinkedHashMap<String, Object>();
        fields.put("temp", round(clamp(temp, 18, 26), 100));
        fields.put("humd", round(clamp(humd, 25, 60), 10));
        fields.put("airp", round(clamp(airp, 98000, 104000), 10));
        fields.put("lght", (int) Math.round(lght));
        return fields;
    }

    private int moveCount(ReadingMoment at) {
        double perReport = at.occupancy() * (10 + 30 * at.unit("busy")) * at.reports();
        double night = at.occupancy() < 0.05 && at.jitter("cleaning") > 0.9 ? 1 : 0;
        return (int) Math.round(perReport * (0.6 + 0.4 * (at.jitter("moves") + 1)) + night);
    }

    private Map<String, Object> count(ReadingMoment at, @Nullable Map<String, Object> last) {
        double peak = (20 + 60 * at.unit("people")) * at.interval / HOUR * at.weekFactor();
        double entering = bump(at.hour, 8.5, 1.2) + 0.5 * bump(at.hour, 13, 0.7);
        double leaving = bump(at.hour, 17, 1.2) + 0.5 * bump(at.hour, 11.7, 0.7);
        int in = people(peak * entering, at.jitter("in"));
        int out = people(peak * leaving, at.jitter("out"));
        long totalIn;
        long totalOut;
        if (last != null
                && last.get(TOTAL_IN) instanceof Number lastIn
                && last.get(TOTAL_OUT) instanceof Number lastOut) {
            totalIn = lastIn.longValue() + in;
            // No one leaves who has not come in.
            out = (int) Math.min(out, Math.max(0, totalIn - lastOut.longValue()));
            totalOut = lastOut.longValue() + out;
        } else {
            totalIn = 1000 + Math.round(9000 * at.unit("total")) + in;
            totalOut = totalIn - Math.round(20 * at.unit("inside")) + out;
        }
        var fields = new LinkedHashMap<String, Object>();
        fields.put("in", in);
        fields.put("out", out);
        fields.put(TOTAL_IN, toInt(totalIn));
        fields.put(TOTAL_OUT, toInt(totalOut));
        return fields;
    }

    private static int people(double expected, double jitter) {
        return (int) Math.max(0, Math.round(expected * (1 + 0.4 * jitter)));
    }

    private int distance(ReadingMoment at) {
        double base = 600 + 2200 * at.unit("dist-base");
        long block = at.block(6 * HOUR);
        double step = at.unit("dist-step", block) < 0.2 ? -(150 + 600 * at.unit("dist-depth", block)) : 0;
        double dist = base
                + step
                + 25 * at.smooth("dist-slow", 8 * HOUR)
                + 8 * at.smooth("dist-fast", HOUR)
                + 3 * at.jitter("dist");
        return (int) Math.round(Math.max(30, dist));
    }

    private int angle(ReadingMoment at) {
        double angle = 360 * at.unit("angle-base") + 1.5 * at.smooth("angle", 3 * HOUR) + 0.5 * at.jitter("angle");
        return Math.floorMod((int) Math.round(angle), 360);
    }

    private int carbonDioxide(ReadingMoment at) {
        // Rises through the working day, then the ventilation clears it overnight.
        double buildup;
        if (at.hour < 7) {
            buildup = Math.exp(-(at.hour + 24 - 17) / 2);
        } else if (at.hour < 17) {
            buildup = (at.hour - 7) / 10;
        } else {
            buildup = Math.exp(-(at.hour - 17) / 2);
        }
        double co2 = 410
                + buildup * at.weekFactor() * (350 + 550 * at.unit("co2-room"))
                + 25 * (at.smooth("co2", HOUR) + 1)
                + 5 * at.jitter("co2");
        return (int) Math.round(clamp(co2, 400, 2500));
    }

    private int tvoc(ReadingMoment at, int carbonDioxide) {
        double tvoc = 40 + (carbonDioxide - 410) * 0.35 + 15 * at.smooth("tvoc", 2 * HOUR) + 3 * at.jitter("tvoc");
        return (int) Math.round(Math.max(0, tvoc));
    }

    private int resistance(ReadingMoment at) {
        long hour = at.block(HOUR);
        double resistance = at.unit("leak", hour) < 0.01
                ? 3000 + 17000 * at.unit("leak-depth", hour)
                : 63500 + 1000 * at.smooth("dry", 12 * HOUR) + 30 * at.jitter("dry");
        return (int) Math.round(clamp(resistance, 0, 65535));
    }

    private int sinkCost(ReadingMoment at) {
        double draw = at.unit("sink", at.block(6 * HOUR));
        return draw < 0.8 ? 0 : draw < 0.95 ? 1 : 2;
    }

    private static double round(double value, int scale) {
        return (double) Math.round(value * scale) / scale;
    }

    private static int toInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
