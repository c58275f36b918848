package io.thingseeportal.device;

import java.util.Set;

/**
 * Device rows of a tenant changed and the change is committed: published after the commit, for live views.
 *
 * @param tuids the devices whose state changed
 */
public record DeviceStateChanged(long tenantId, Set<String> tuids) {

    public DeviceStateChanged {
        tuids = Set.copyOf(tuids);
    }
}
