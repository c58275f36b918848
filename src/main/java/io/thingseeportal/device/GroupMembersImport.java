package io.thingseeportal.device;

import java.util.Map;

/**
 * What importing a Thingsee group's members changed in the portal.
 *
 * @param imported devices now in the group that were in no group, or unknown, before
 * @param inOtherGroups devices the portal has in another group, by TUID, with that group: left as they are
 */
public record GroupMembersImport(int imported, Map<String, String> inOtherGroups) {

    public GroupMembersImport {
        inOtherGroups = Map.copyOf(inOtherGroups);
    }
}
