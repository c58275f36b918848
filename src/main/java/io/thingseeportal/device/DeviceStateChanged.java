package io.thingseeportal.device;

import java.util.Set;

/**
 * Device rows of a tenant changed and the change is committed: published after the commit, for live views.
 *
 * @param tuids the devices whose state changed
 * @param commandsChanged whether commands to these devices changed (made, sent, refused, answered, timed out,
 *     superseded or canceled): views that show commands read them again only then, not at every report of a device
 * @param fromAnotherNode whether another portal node made the change and this one only heard of it (see
 *     {@link DeviceChangeNotices}); such a change is not passed on again
 */
public record DeviceStateChanged(long tenantId, Set<String> tuids, boolean commandsChanged, boolean fromAnotherNode) {

    public DeviceStateChanged {
        tuids = Set.copyOf(tuids);
    }

    /** A change of the devices' state this node made. */
    public DeviceStateChanged(long tenantId, Set<String> tuids) {
        this(tenantId, tuids, false, false);
    }

    /** A change of commands to these devices that this node made. */
    public static DeviceStateChanged ofCommands(long tenantId, Set<String> tuids) {
        return new DeviceStateChanged(tenantId, tuids, true, false);
    }
}
