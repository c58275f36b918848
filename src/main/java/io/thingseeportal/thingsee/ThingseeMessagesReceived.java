package io.thingseeportal.thingsee;

import java.util.List;

/**
 * A batch of device messages from one tenant's data stream, published synchronously on the subscriber's worker thread.
 * The messages are acknowledged to the broker only after every listener returned; a listener that throws makes the
 * subscriber offer the same batch again later. So a listener commits its effect before it returns, and tolerates
 * duplicates: delivery is at least once.
 */
public record ThingseeMessagesReceived(String tenant, List<ThingseeMessageReceived> messages) {

    public ThingseeMessagesReceived {
        messages = List.copyOf(messages);
    }
}
