package io.thingseeportal.thingsee.mqtt;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How one tenant's stream is doing, for the health.
 *
 * @param lastMessageAt when its last message arrived, null before the first
 * @param queueDepth messages received and not yet handed over to the features
 */
record StreamState(
        String tenant,
        String broker,
        boolean connected,
        boolean subscribed,
        @Nullable Instant lastMessageAt,
        int queueDepth) {}
