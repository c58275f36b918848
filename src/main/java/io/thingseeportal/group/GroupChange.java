package io.thingseeportal.group;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change to a deployment group.
 *
 * @param changedBy the name of the person who made it
 * @param details what changed, for example the old id of a renamed group
 */
public record GroupChange(
        String groupId,
        Instant changedAt,
        String changedBy,
        Kind kind,
        @Nullable String details) {

    public enum Kind {
        CREATED,
        IMPORTED,
        RENAMED,
        DELETED,
        DEVICES_MOVED,
        /** A sync found devices in the group in Thingsee that the portal had in no group, or did not know. */
        DEVICES_IMPORTED,
        DEVICES_REMOVED
    }
}
