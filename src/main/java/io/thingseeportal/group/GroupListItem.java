package io.thingseeportal.group;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the group list: the group, how many of the tenant's devices are in it, and when it last changed.
 *
 * @param lastActivityAt the newest recorded change of the group (created, imported, renamed, devices moved)
 */
public record GroupListItem(GroupId id, @Nullable String description, long deviceCount, Instant lastActivityAt) {

    public GroupEnvironment environment() {
        return id.environment();
    }

    /** The ISO 3166-1 country in lower case, or {@link GroupId#NO_COUNTRY}. */
    public String country() {
        return id.country();
    }
}
