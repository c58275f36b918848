package io.thingseeportal.group;

/** The group id is taken (in the portal or in Thingsee); the group can be opened instead. */
public class GroupAlreadyExistsException extends RuntimeException {

    private final GroupId groupId;

    GroupAlreadyExistsException(GroupId groupId) {
        super("Group " + groupId + " already exists");
        this.groupId = groupId;
    }

    public GroupId groupId() {
        return groupId;
    }
}
