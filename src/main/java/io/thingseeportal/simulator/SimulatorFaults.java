package io.thingseeportal.simulator;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The fault settings of every configured stack, one {@link StackFaults} each: a stack's faults, rate limit and device
 * overrides reach only its own API calls and devices, so that breaking one tenant's cloud leaves the others alone. The
 * stacks draw from one shared random source, seeded, so that a run with the same calls draws the same faults.
 */
final class SimulatorFaults {

    private final Map<String, StackFaults> stacks = new TreeMap<>();

    SimulatorFaults(Collection<String> stacks, RandomGenerator random, int configuredRateLimit) {
        for (String stack : stacks) {
            this.stacks.put(stack, new StackFaults(random, configuredRateLimit));
        }
    }

    /**
     * The faults of a configured stack.
     *
     * @throws IllegalArgumentException when no stack has that name
     */
    StackFaults of(String stack) {
        return find(stack).orElseThrow(() -> new IllegalArgumentException("No simulated stack " + stack));
    }

    /** The faults of the stack, if it is a configured one. */
    Optional<StackFaults> find(String stack) {
        return Optional.ofNullable(stacks.get(stack));
    }

    /** The configured stacks, sorted. */
    Set<String> stacks() {
        return Collections.unmodifiableSet(stacks.keySet());
    }

    /** Heals every stack. */
    void reset() {
        stacks.values().forEach(StackFaults::reset);
    }
}
