package io.thingseeportal.thingsee.mqtt;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How one tenant's stream is doing, for the health.
 *
 * @param lastMessageAt when its last message arrived, null before the first
 * @param queueDepth messages received and not yet handed over to the features
 * @param problem why the stream does not run although it is switched on (its settings cannot be used), or null
 */
record StreamState(
        String tenant,
        String broker,
        boolean connected,
        boolean subscribed,
        @Nullable Instant lastMessageAt,
        int queueDepth,
        @Nullable String problem) {

    /** A stream that is switched on and cannot run. */
    static StreamState unusable(String tenant, String problem) {
        return new StreamState(tenant, "", false, false, null, 0, problem);
    }
}
