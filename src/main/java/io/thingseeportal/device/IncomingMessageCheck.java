package io.thingseeportal.device;

import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which messages of a batch from the data stream can be stored: a message without a usable header, of a tsmId the
 * catalog does not know, or too large is counted as rejected and left out.
 */
final class IncomingMessageCheck {

    private static final int TUID_MAX_LENGTH = 64;
    private static final int PAYLOAD_MAX_LENGTH = 65536;
    /** 2100-01-01: a later own time is not a time but garbage, and PostgreSQL's range must never be hit. */
    private static final long LATEST_TSM_TS = 4_102_444_800L;

    private final MessageCatalog catalog;
    private final StreamRejections rejections;
    private final Duration maxClockSkew;

    IncomingMessageCheck(MessageCatalog catalog, StreamRejections rejections, Duration maxClockSkew) {
        this.catalog = catalog;
        this.rejections = rejections;
        this.maxClockSkew = maxClockSkew;
    }

    /** The batch's usable messages, each once, in the order they arrived; the others are counted as rejected. */
    List<IncomingMessage> usable(ThingseeMessagesReceived batch) {
        Map<IncomingMessage.Key, IncomingMessage> unique = new LinkedHashMap<>();
        for (ThingseeMessageReceived received : batch.messages()) {
            IncomingMessage message = checked(batch.tenant(), received);
            if (message != null) {
                unique.putIfAbsent(message.key(), message);
            }
        }
        return List.copyOf(unique.values());
    }

    private @Nullable IncomingMessage checked(String tenant, ThingseeMessageReceived received) {
        ThingseeMessage message = received.message();
        Integer tsmId = message.tsmId();
        Integer tsmEv = message.tsmEv();
        String tuid = message.tsmTuid();
        Object ts = message.field("tsmTs").orElse(null);
        if (tsmId == null
                || tsmEv == null
                || tuid == null
                || tuid.isBlank()
                || tuid.length() > TUID_MAX_LENGTH
                || !(ts instanceof Number seconds)
                || seconds.doubleValue() < 0
                || seconds.doubleValue() > LATEST_TSM_TS) {
            rejections.reject(
                    tenant, StreamRejections.WRONG_TYPES, "a message without a usable tsmId, tsmEv, tsmTs or tsmTuid");
            return null;
        }
        if (catalog.type(tsmId).isEmpty()) {
            rejections.reject(tenant, StreamRejections.UNKNOWN_TSMID, "tsmId " + tsmId + " from " + tuid);
            return null;
        }
        String payload = received.json();
        if (payload.length() > PAYLOAD_MAX_LENGTH) {
            rejections.reject(
                    tenant, StreamRejections.TOO_LARGE, "tsmId " + tsmId + " from " + tuid + ": " + payload.length());
            return null;
        }
        Instant tsmTs = Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
        Instant believedUntil = received.receivedAt().plus(maxClockSkew);
        Instant seenAt = tsmTs.isAfter(believedUntil) ? received.receivedAt() : tsmTs;
        String group = message.deploymentGroupId();
        return new IncomingMessage(
                tuid,
                tsmId,
                tsmEv,
                tsmTs,
                seenAt,
                received.receivedAt(),
                message.field("tsmGw").map(String::valueOf).orElse(null),
                group != null ? group : received.groupId(),
                message.transactionId(),
                payload,
                message);
    }
}
