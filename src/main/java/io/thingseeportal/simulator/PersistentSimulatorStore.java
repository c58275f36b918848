package io.thingseeportal.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory stacks, saved to {@link SnapshotFiles} so that they survive a restart. A stack is loaded from its file
 * when present and generated otherwise; after a change it is saved within {@link #SAVE_DELAY} (bursts of changes give
 * one save), and every unsaved stack is saved on {@link #close()}.
 */
final class PersistentSimulatorStore implements SimulatorStore, AutoCloseable {

    static final Duration SAVE_DELAY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(PersistentSimulatorStore.class);

    private final SnapshotFiles files;
    private final InMemorySimulatorStore memory;
    private final Set<String> unsaved = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulator-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    PersistentSimulatorStore(Set<String> stackNames, Function<String, StackState> generate, SnapshotFiles files) {
        this.files = files;
        this.memory = new InMemorySimulatorStore(
                stackNames,
                stack -> files.load(stack).map(StackState::restore).orElseGet(() -> {
                    // A generated fleet is saved too: its times are relative to the moment it was made.
                    changed(stack);
                    return generate.apply(stack);
                }));
        stackNames.forEach(stack -> memory.read(stack, state -> null));
    }

    @Override
    public Set<String> stacks() {
        return memory.stacks();
    }

    @Override
    public <T> T read(String stack, Function<StackState, T> query) {
        return memory.read(stack, query);
    }

    @Override
    public <T> T write(String stack, Function<StackState, T> change) {
        T result = memory.write(stack, change);
        changed(stack);
        return result;
    }

    @Override
    public void reset() {
        memory.reset();
        memory.stacks().forEach(files::delete);
    }

    /** Saves every stack changed since its last save, now. */
    void flush() {
        Set.copyOf(unsaved).forEach(this::save);
    }

    @Override
    public void close() {
        saver.shutdownNow();
        flush();
    }

    private void changed(String stack) {
        if (unsaved.add(stack) && !saver.isShutdown()) {
            saver.schedule(() -> save(stack), SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void save(String stack) {
        if (!unsaved.remove(stack)) {
            return;
        }
        try {
            files.save(stack, memory.read(stack, StackState::snapshot));
        } catch (IOException | RuntimeException e) {
            log.warn("Simulated stack {} not saved to {}: {}", stack, files.file(stack), e.getMessage());
        }
    }
}
