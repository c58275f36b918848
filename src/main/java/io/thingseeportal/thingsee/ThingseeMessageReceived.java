package io.thingseeportal.thingsee;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One device message from a tenant's Thingsee data stream (MQTT). It always belongs to exactly one tenant: the one
 * whose stream it arrived on, never one guessed from the payload. It reaches the features inside a
 * {@link ThingseeMessagesReceived} batch.
 *
 * @param tenant the slug of the tenant whose stream delivered it ({@code portal.thingsee.tenants.<slug>})
 * @param topic the MQTT topic it came on
 * @param groupId the deployment group from the topic ({@code .../cloudext/json/{env}/{country}/{groupId}/...}), or
 *     null when the topic has another shape
 * @param message the message, its header already checked: {@code tsmId}, {@code tsmEv} and {@code tsmTs} are numbers
 *     and {@code tsmTuid} a text
 * @param json the message as JSON text, as it arrived (an element of an array payload: its fields in their order)
 * @param receivedAt when the portal received it
 */
public record ThingseeMessageReceived(
        String tenant,
        String topic,
        @Nullable String groupId,
        ThingseeMessage message,
        String json,
        Instant receivedAt) {}
