package io.thingseeportal.simulator;

import java.time.Duration;

/**
 * What goes wrong in the simulated cloud, for all devices or for one device. Everything off is a healthy cloud that
 * behaves as REFERENCE 9 describes; each setting switches on one failure the portal must survive.
 *
 * <p>Clamping: a healthy simulated device clamps an out-of-range value to the ranges of REFERENCE section 6
 * <em>silently</em> (REFERENCE 5.3 and 9.10): it raises no error, applies the clamped value and echoes it, so that only
 * comparing the echo with the request reveals the clamp. That is the default, {@code unclamped} off. With
 * {@code unclamped} on, the device does not clamp at all: it applies and echoes exactly what was requested, even out of
 * range, as a device with broken range checks would.
 *
 * @param apiLatencyMillis milliseconds added to every API response (for a device: to calls naming its TUID)
 * @param apiErrorRate the share of API calls (0 to 1) answered 500 or 503 with the standard error body
 * @param offline the device neither applies commands nor answers them: no echo at all
 * @param dropRate the share of echoes (0 to 1) lost on the way: the command is applied but its echo never arrives
 * @param duplicate every echo is published twice
 * @param reorder an echo is held back until the device's next echo has overtaken it (or the hold time has passed)
 * @param unclamped out-of-range values are applied and echoed as requested instead of clamped (see above)
 */
public record FaultSettings(
        long apiLatencyMillis,
        double apiErrorRate,
        boolean offline,
        double dropRate,
        boolean duplicate,
        boolean reorder,
        boolean unclamped) {

    /** The longest latency accepted: well above any client's response timeout. */
    public static final long MAX_LATENCY_MILLIS = 60_000;

    /** A healthy cloud and device. */
    public static final FaultSettings NONE = new FaultSettings(0, 0, false, 0, false, false, false);

    /** Refuses settings out of range, with a message naming the setting and its range. */
    public FaultSettings {
        if (apiLatencyMillis < 0 || apiLatencyMillis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("apiLatencyMillis must be between 0 and " + MAX_LATENCY_MILLIS);
        }
        requireShare("apiErrorRate", apiErrorRate);
        requireShare("dropRate", dropRate);
    }

    Duration apiLatency() {
        return Duration.ofMillis(apiLatencyMillis);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1");
        }
    }
}
