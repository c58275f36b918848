package io.thingseeportal.simulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/** The simulated stacks in memory, each behind a read-write lock; lost on restart, regenerated the same way. */
final class InMemorySimulatorStore implements SimulatorStore {

    private final Set<String> stackNames;
    private final Function<String, StackState> seed;
    private final Map<String, Guarded> stacks = new ConcurrentHashMap<>();

    InMemorySimulatorStore(Set<String> stackNames, Function<String, StackState> seed) {
        this.stackNames = Set.copyOf(stackNames);
        this.seed = seed;
    }

    @Override
    public Set<String> stacks() {
        return stackNames;
    }

    @Override
    public <T> T read(String stack, Function<StackState, T> query) {
        var guarded = guarded(stack);
        guarded.lock.readLock().lock();
        try {
            return query.apply(guarded.state);
        } finally {
            guarded.lock.readLock().unlock();
        }
    }

    @Override
    public <T> T write(String stack, Function<StackState, T> change) {
        var guarded = guarded(stack);
        guarded.lock.writeLock().lock();
        try {
            return change.apply(guarded.state);
        } finally {
            guarded.lock.writeLock().unlock();
        }
    }

    @Override
    public void reset() {
        stacks.clear();
    }

    private Guarded guarded(String stack) {
        if (!stackNames.contains(stack)) {
            throw new IllegalArgumentException("no simulated stack " + stack);
        }
        return stacks.computeIfAbsent(stack, name -> new Guarded(seed.apply(name)));
    }

    private static final class Guarded {
        final ReadWriteLock lock = new ReentrantReadWriteLock();
        final StackState state;

        Guarded(StackState state) {
            this.state = state;
        }
    }
}
