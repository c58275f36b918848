package io.thingseeportal.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A change of fault settings as the control API receives it: a JSON object with any of the settings; the ones left out
 * keep their current values. Anything unknown, of the wrong type or out of range is a 400 naming the setting.
 */
final class FaultRequest {

    static final String RATE_LIMIT = "rateLimit";

    private static final Set<String> SETTINGS =
            Set.of("apiLatencyMillis", "apiErrorRate", "offline", "dropRate", "duplicate", "reorder", "unclamped");

    private final Map<String, @Nullable Object> body;

    private FaultRequest(Map<String, @Nullable Object> body) {
        this.body = body;
    }

    /** Reads a request that may name the given settings besides those of {@link FaultSettings}. */
    static FaultRequest of(Map<String, @Nullable Object> body, Set<String> extra) {
        for (String name : body.keySet()) {
            if (!SETTINGS.contains(name) && !extra.contains(name)) {
                var known = new TreeSet<>(SETTINGS);
                known.addAll(extra);
                throw SimulatorException.badRequest("Unknown setting " + name + "; known settings: " + known);
            }
        }
        return new FaultRequest(body);
    }

    /** The current settings with the requested changes. */
    FaultSettings applyTo(FaultSettings current) {
        long latency = body.containsKey("apiLatencyMillis")
                ? whole("apiLatencyMillis", 0, FaultSettings.MAX_LATENCY_MILLIS)
                : current.apiLatencyMillis();
        return new FaultSettings(
                latency,
                share("apiErrorRate", current.apiErrorRate()),
                flag("offline", current.offline()),
                share("dropRate", current.dropRate()),
                flag("duplicate", current.duplicate()),
                flag("reorder", current.reorder()),
                flag("unclamped", current.unclamped()));
    }

    /** The requested rate limit, or the current one. */
    int rateLimit(int current) {
        return body.containsKey(RATE_LIMIT) ? (int) whole(RATE_LIMIT, 1, Integer.MAX_VALUE) : current;
    }

    private boolean flag(String name, boolean current) {
        if (!body.containsKey(name)) {
            return current;
        }
        if (body.get(name) instanceof Boolean value) {
            return value;
        }
        throw SimulatorException.badRequest(name + " must be true or false");
    }

    private double share(String name, double current) {
        if (!body.containsKey(name)) {
            return current;
        }
        Object value = body.get(name);
        if (value instanceof Number number
                && !(value instanceof BigInteger)
                && number.doubleValue() >= 0
                && number.doubleValue() <= 1) {
            return value instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
        }
        throw SimulatorException.badRequest(name + " must be a number between 0 and 1");
    }

    private long whole(String name, long min, long max) {
        Object value = body.get(name);
        if ((value instanceof Integer || value instanceof Long)
                && ((Number) value).longValue() >= min
                && ((Number) value).longValue() <= max) {
            return ((Number) value).longValue();
        }
        throw SimulatorException.badRequest(name + " must be a whole number between " + min + " and " + max);
    }
}
