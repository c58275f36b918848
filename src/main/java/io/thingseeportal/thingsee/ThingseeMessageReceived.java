package io.thingseeportal.thingsee;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A device message came in from Thingsee's data stream (MQTT). Published once per message; a payload with several
 * messages gives several events. Delivery is at least once: listeners must tolerate duplicates.
 *
 * @param topic the MQTT topic it came on
 * @param groupId the deployment group from the topic ({@code cloudext/json/{env}/{country}/{groupId}/...}), or null
 *     when the topic has another shape
 */
public record ThingseeMessageReceived(
        String topic, @Nullable String groupId, ThingseeMessage message, Instant receivedAt) {}
