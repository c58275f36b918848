package io.thingseeportal.bulk;

import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * The way a bulk item's handler makes its Thingsee call: at most {@code portal.bulk.tenant-concurrency} calls of one
 * tenant run at once on a node. The item's reads and writes before and after its call hold no slot, so that while some
 * items of a job wait for Thingsee others get ready for their calls or record theirs.
 */
public final class CallSlot {

    private static final CallSlot UNLIMITED = new CallSlot(null);

    private final @Nullable Semaphore slots;

    CallSlot(@Nullable Semaphore slots) {
        this.slots = slots;
    }

    /** No limit: a call made outside the bulk-work engine, such as one person's send from a device page. */
    public static CallSlot unlimited() {
        return UNLIMITED;
    }

    /** Runs {@code call} once a slot of the tenant is free. */
    public void run(Runnable call) {
        if (slots == null) {
            call.run();
            return;
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting for a Thingsee call slot", e);
        }
        try {
            call.run();
        } finally {
            slots.release();
        }
    }
}
