package io.thingseeportal.bulk;

import java.util.concurrent.Semaphore;

/**
 * A tenant's call slot for handler tests, which knows whether the calling thread holds it: a handler's Thingsee call
 * made outside {@link CallSlot#run} would escape the tenant's concurrency limit.
 */
public final class WatchedSlot extends Semaphore {

    private final transient ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> false);

    public WatchedSlot() {
        super(1);
    }

    @Override
    public void acquire() throws InterruptedException {
        super.acquire();
        held.set(true);
    }

    @Override
    public void release() {
        held.set(false);
        super.release();
    }

    /** Whether the calling thread holds the slot now. */
    public boolean heldHere() {
        return held.get();
    }

    /** The slot to hand to a handler. */
    public CallSlot slot() {
        return new CallSlot(this);
    }
}
