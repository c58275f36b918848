package io.thingseeportal.bulk;

/**
 * What running one item came to, as a handler reports it. A handler may also throw: a
 * {@link io.thingseeportal.thingsee.ThingseeException} fails the item with the API's message (outcome
 * {@value #THINGSEE}), except that a rate limit puts it back for later and an unavailable Thingsee is retried a few
 * times first; any other exception fails it with outcome {@value #ERROR}.
 *
 * @param state SUCCEEDED, FAILED or SKIPPED
 * @param outcome a short code a feature reads back (for example {@code NOT_IN_GROUP}); empty for a success
 * @param message the text for people, empty when there is none
 */
public record ItemOutcome(BulkItemState state, String outcome, String message) {

    /** Thingsee refused or failed the call; the message is the API's. */
    public static final String THINGSEE = "THINGSEE";
    /** The item did not finish within the call deadline. */
    public static final String DEADLINE = "DEADLINE";
    /** The portal failed (an exception other than Thingsee's). */
    public static final String ERROR = "ERROR";

    public ItemOutcome {
        if (state != BulkItemState.SUCCEEDED && state != BulkItemState.FAILED && state != BulkItemState.SKIPPED) {
            throw new IllegalArgumentException("An item's outcome is SUCCEEDED, FAILED or SKIPPED, not " + state);
        }
    }

    public static ItemOutcome succeeded() {
        return new ItemOutcome(BulkItemState.SUCCEEDED, "", "");
    }

    public static ItemOutcome failed(String outcome, String message) {
        return new ItemOutcome(BulkItemState.FAILED, outcome, message);
    }

    public static ItemOutcome skipped(String message) {
        return new ItemOutcome(BulkItemState.SKIPPED, "SKIPPED", message);
    }
}
