package io.thingseeportal.bulk;

/**
 * One item of a job, as it stands.
 *
 * @param outcome the short code of its result ({@link ItemOutcome}); empty while it has none
 * @param message the text of its result for people; empty when there is none
 */
public record BulkItemView(String key, int position, BulkItemState state, String outcome, String message) {}
