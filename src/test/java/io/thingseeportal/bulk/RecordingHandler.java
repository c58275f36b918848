package io.thingseeportal.bulk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A handler for the engine's tests: counts the runs of each item and does what the test tells it to. */
final class RecordingHandler implements BulkHandler {

    static final String KIND = "test.recording";

    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final Map<String, CopyOnWriteArrayList<BulkItemContext>> contexts = new ConcurrentHashMap<>();
    final AtomicInteger finishes = new AtomicInteger();
    private final BiFunction<BulkItemContext, CallSlot, ItemOutcome> behaviour;

    RecordingHandler() {
        this(item -> ItemOutcome.succeeded());
    }

    RecordingHandler(Function<BulkItemContext, ItemOutcome> behaviour) {
        this((item, slot) -> behaviour.apply(item));
    }

    /** A handler whose behaviour makes its calls through the item's call slot. */
    RecordingHandler(BiFunction<BulkItemContext, CallSlot, ItemOutcome> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ItemOutcome run(BulkItemContext item, CallSlot slot) {
        runs.computeIfAbsent(item.key(), key -> new AtomicInteger()).incrementAndGet();
        contexts.computeIfAbsent(item.key(), key -> new CopyOnWriteArrayList<>())
                .add(item);
        return behaviour.apply(item, slot);
    }

    @Override
    public void finished(BulkJobView job) {
        finishes.incrementAndGet();
    }

    int runs(String key) {
        AtomicInteger count = runs.get(key);
        return count == null ? 0 : count.get();
    }

    /** Sleeps in a handler, as a slow call does. */
    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
