package io.thingseeportal.group;

/**
 * A device a change could not be made to, and why.
 *
 * @param message the Thingsee API's own message for {@link Reason#THINGSEE}; empty otherwise
 */
public record DeviceFailure(String tuid, Reason reason, String message) {

    public enum Reason {
        /** Thingsee refused or failed the call; the message is the API's. */
        THINGSEE,
        /** The device is not in the group (or not the tenant's): nothing was sent to Thingsee. */
        NOT_IN_GROUP,
        /** Thingsee made the change, but the portal could not record it. */
        PORTAL,
        /** The change was canceled before it reached the device. */
        CANCELED;

        /** The translation key of the explanation, for example {@code group.failure.not-in-group}. */
        public String messageKey() {
            return "group.failure." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
