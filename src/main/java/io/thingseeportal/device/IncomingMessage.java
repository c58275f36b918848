package io.thingseeportal.device;

import io.thingseeportal.thingsee.ThingseeMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One message of a batch, checked and ready to store.
 *
 * @param tsmTs the message's own time, as sent: the history's dedupe key
 * @param seenAt when the device is taken to have sent it: {@code tsmTs}, or the arrival time when {@code tsmTs} is too
 *     far in the future to believe; "newest wins" compares these
 * @param groupId the deployment group the cloud forwarded it with ({@code deploymentGroupId}, else the topic's)
 * @param payload the whole message as JSON text, as it arrived
 */
record IncomingMessage(
        String tuid,
        int tsmId,
        int tsmEv,
        Instant tsmTs,
        Instant seenAt,
        Instant receivedAt,
        @Nullable String gatewayTuid,
        @Nullable String groupId,
        @Nullable Long transactionId,
        String payload,
        ThingseeMessage message) {

    /** Older first; of two seen at the same time, the one with the earlier own time first. */
    static final Comparator<IncomingMessage> BY_TIME =
            Comparator.comparing(IncomingMessage::seenAt).thenComparing(IncomingMessage::tsmTs);

    /** Thingsee's dedupe key: the same device, message id and own time is the same message. */
    Key key() {
        return new Key(tuid, tsmId, tsmTs);
    }

    record Key(String tuid, int tsmId, Instant tsmTs) {}

    /** The message as a reply to a request; only for a message with a {@code transactionId}. */
    DeviceReply reply() {
        if (transactionId == null) {
            throw new IllegalStateException("Not a reply: " + key());
        }
        Map<String, Object> fields = new LinkedHashMap<>(message.fields());
        fields.keySet().removeAll(ThingseeMessage.HEADER_FIELDS);
        return new DeviceReply(tuid, tsmId, tsmEv, transactionId, tsmTs, receivedAt, fields);
    }

    /** A configuration echo ({@code tsmEv} 31) or an answer to an information request (33). */
    boolean isReportedConfiguration() {
        return tsmEv == 31 || tsmEv == 33;
    }
}
