package io.thingseeportal.group;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something a sync found different between the portal and Thingsee and did not change, so that an admin can decide.
 *
 * @param subject the group id or the device's TUID it is about
 * @param portalGroupId the device's group in the portal
 * @param thingseeGroupId the device's group in Thingsee; null when Thingsee lists it in none of its groups
 * @param foundAt when a sync first found it
 */
public record GroupSyncDifference(
        Kind kind,
        String subject,
        @Nullable String portalGroupId,
        @Nullable String thingseeGroupId,
        Instant foundAt) {

    public enum Kind {
        /** The portal has the group; Thingsee does not. */
        GROUP_ONLY_IN_PORTAL,
        /** Thingsee has a group whose id breaks the rules of {@link GroupId}; the portal cannot hold it. */
        GROUP_NOT_IMPORTED,
        /** Thingsee lists the device in another group than the portal has it in. */
        DEVICE_IN_OTHER_GROUP,
        /** The portal has the device in a group in which Thingsee does not list it, nor in any other of its groups. */
        DEVICE_NOT_IN_GROUP_IN_THINGSEE;

        /** The key of the sentence that describes it, for example {@code groups.difference.group-only-in-portal}. */
        public String messageKey() {
            return "groups.difference." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Equal when about the same thing and with the same groups, whenever found. */
    boolean sameAs(GroupSyncDifference other) {
        return kind == other.kind
                && subject.equals(other.subject)
                && Objects.equals(portalGroupId, other.portalGroupId)
                && Objects.equals(thingseeGroupId, other.thingseeGroupId);
    }
}
