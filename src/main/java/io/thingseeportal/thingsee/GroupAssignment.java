package io.thingseeportal.thingsee;

/** Which deployment group a device is in; {@code unassigned} when none. */
public record GroupAssignment(String tuid, String groupId) {

    /** The special group that takes a device out of its group. */
    public static final String UNASSIGNED = "unassigned";
}
