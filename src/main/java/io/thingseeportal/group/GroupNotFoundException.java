package io.thingseeportal.group;

/** The signed-in user's tenant has no group with this id (it may be another tenant's, or deleted). */
public class GroupNotFoundException extends RuntimeException {

    private final GroupId groupId;

    public GroupNotFoundException(GroupId groupId) {
        super("No group " + groupId);
        this.groupId = groupId;
    }

    public GroupId groupId() {
        return groupId;
    }
}
