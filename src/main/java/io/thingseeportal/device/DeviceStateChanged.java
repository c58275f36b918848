package io.thingseeportal.device;

import java.util.Set;

/**
 * Device rows of a tenant changed and the change is committed: published after the commit, for live views.
 *
 * @param tuids the devices whose state changed
 * @param fromAnotherNode whether another portal node made the change and this one only heard of it (see
 *     {@link DeviceChangeNotices}); such a change is not passed on again
 */
public record DeviceStateChanged(long tenantId, Set<String> tuids, boolean fromAnotherNode) {

    public DeviceStateChanged {
        tuids = Set.copyOf(tuids);
    }

    /** A change this node made. */
    public DeviceStateChanged(long tenantId, Set<String> tuids) {
        this(tenantId, tuids, false);
    }
}
