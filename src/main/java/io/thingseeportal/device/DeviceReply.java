package io.thingseeportal.device;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message of a device that answers a request: it carries a {@code transactionId} (REFERENCE 5.3), whatever its
 * {@code tsmEv}. Whether it answers one of the portal's commands is for the commands to tell.
 *
 * @param tsmTs the message's own time
 * @param receivedAt when the portal received it
 * @param fields the message's own fields, without the header
 */
public record DeviceReply(
        String tuid,
        int tsmId,
        int tsmEv,
        long transactionId,
        Instant tsmTs,
        Instant receivedAt,
        Map<String, Object> fields) {

    public DeviceReply {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
