package io.thingseeportal.simulator;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The only holder of the simulated stacks' state. Every access goes through {@link #read} or {@link #write}, so an
 * implementation can add persistence by saving a stack after each write. Tokens and rate-limit counters are not
 * state of the cloud and live elsewhere: a restart invalidates tokens, as clients must expect anyway.
 */
interface SimulatorStore {

    /** The names of the simulated stacks. */
    Set<String> stacks();

    /** Runs {@code query} on a consistent view of the stack. */
    <T> T read(String stack, Function<StackState, T> query);

    /**
     * Runs {@code change} alone on the stack. A change that fails must throw before it modifies anything.
     */
    <T> T write(String stack, Function<StackState, T> change);

    default void update(String stack, Consumer<StackState> change) {
        write(stack, state -> {
            change.accept(state);
            return null;
        });
    }

    /** Forgets every change: each stack starts again from its generated fleet. */
    void reset();
}
