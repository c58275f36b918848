package io.thingseeportal.group;

import io.thingseeportal.tenant.TenantGroups;
import java.util.List;
import org.springframework.stereotype.Component;

/** The tenant settings' view of the groups: through {@link GroupService}, so as the signed-in user. */
@Component
class GroupsForTenantSettings implements TenantGroups {

    private final GroupService groups;

    GroupsForTenantSettings(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public boolean has(String groupId) {
        return GroupId.problemOf(groupId).isEmpty()
                && groups.find(GroupId.parse(groupId)).isPresent();
    }

    @Override
    public List<String> matching(String text, int offset, int limit) {
        return groups.findMatching(text, offset, limit).stream()
                .map(group -> group.id().value())
                .toList();
    }
}
