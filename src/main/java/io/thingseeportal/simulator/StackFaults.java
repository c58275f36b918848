package io.thingseeportal.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The fault settings in force in one stack, changeable at run time: global ones (for every device and API call of the
 * stack), per-device overrides (by TUID) that replace the global ones for that device, and the rate limit of the
 * stack's tokens. In memory only, like tokens: a restart heals the cloud. Safe for concurrent use; the random source is
 * injected (and shared by the stacks, see {@link SimulatorFaults}) so that tests and a seeded demo are repeatable.
 */
final class StackFaults {

    private final RandomGenerator random;
    private final int configuredRateLimit;
    private volatile FaultSettings global = FaultSettings.NONE;
    private volatile int rateLimit;
    private final Map<String, FaultSettings> devices = new ConcurrentHashMap<>();

    StackFaults(RandomGenerator random, int configuredRateLimit) {
        this.random = random;
        this.configuredRateLimit = configuredRateLimit;
        this.rateLimit = configuredRateLimit;
    }

    FaultSettings global() {
        return global;
    }

    void setGlobal(FaultSettings settings) {
        global = settings;
    }

    /** Requests per second per token of the stack; {@code portal.simulator.rate-limit} until changed. */
    int rateLimit() {
        return rateLimit;
    }

    void setRateLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("rateLimit must be at least 1");
        }
        rateLimit = limit;
    }

    /** The device's own settings, if it has any. */
    Optional<FaultSettings> device(String tuid) {
        return Optional.ofNullable(devices.get(tuid));
    }

    void setDevice(String tuid, FaultSettings settings) {
        devices.put(tuid, settings);
    }

    /** Whether there was an override to remove. */
    boolean removeDevice(String tuid) {
        return devices.remove(tuid) != null;
    }

    /** The overrides by TUID, sorted. */
    Map<String, FaultSettings> devices() {
        return new TreeMap<>(devices);
    }

    /** What applies to a device (or to a call naming none): its override, else the global settings. */
    FaultSettings effective(@Nullable String tuid) {
        FaultSettings own = tuid == null ? null : devices.get(tuid);
        return own == null ? global : own;
    }

    /** True with the given probability; 0 never draws, 1 always holds. */
    boolean happens(double probability) {
        if (probability <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < probability;
        }
    }

    /** Heals everything: no faults, no overrides, the configured rate limit. */
    void reset() {
        global = FaultSettings.NONE;
        rateLimit = configuredRateLimit;
        devices.clear();
    }
}
