package io.thingseeportal.group;

/**
 * How far a running sync is: {@code done} of {@code total} steps, each a Thingsee call or the storing at the end. The
 * total grows once the groups' members are read: then each of their devices' installation status is one more call.
 *
 * @param stage what the sync is doing now
 */
public record GroupSyncProgress(Stage stage, int done, int total) {

    /** The parts of a sync, in order. */
    public enum Stage {
        /** {@code GET /groups}, then {@code GET /groups/{id}/things} for each group. */
        GROUPS,
        /** {@code GET /things/{tuid}/installations} for each device of those groups. */
        INSTALLATION_STATUSES,
        /** Storing what was read, in one transaction. */
        SAVING;

        /** The translation key of the stage's name. */
        public String messageKey() {
            return "groups.sync.stage."
                    + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }
}
