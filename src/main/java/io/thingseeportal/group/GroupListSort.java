package io.thingseeportal.group;

/** How the group list is sorted; ties are always broken by the group id, so that pages never overlap. */
public record GroupListSort(Column column, boolean ascending) {

    /** The most recently active groups first. */
    public static final GroupListSort DEFAULT = new GroupListSort(Column.LAST_ACTIVITY, false);

    public enum Column {
        ID,
        DESCRIPTION,
        /** By the environment's code ({@code dm}, {@code pr}, {@code rd}). */
        ENVIRONMENT,
        /** By the country's code ({@code xx} for none), not by its translated name. */
        COUNTRY,
        DEVICE_COUNT,
        LAST_ACTIVITY
    }
}
