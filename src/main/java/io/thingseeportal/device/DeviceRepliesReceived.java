package io.thingseeportal.device;

import java.util.List;

/**
 * Replies that a batch of the data stream brought, each new to the portal, oldest first. Published inside the batch's
 * transaction: a listener's writes commit, or fail, with the batch (a throwing listener makes the stream deliver the
 * batch again).
 */
public record DeviceRepliesReceived(long tenantId, List<DeviceReply> replies) {

    public DeviceRepliesReceived {
        replies = List.copyOf(replies);
    }
}
