package io.thingseeportal.bulk;

import org.jspecify.annotations.Nullable;

/**
 * One item of a job to submit.
 *
 * @param key what the item is about, for example a device's TUID; unique within the job
 * @param skipReason why the item is not to run at all (it is then SKIPPED with this message); null to run it
 */
public record BulkItemRequest(String key, @Nullable String skipReason) {

    public BulkItemRequest {
        if (key.isBlank()) {
            throw new IllegalArgumentException("An item needs a key");
        }
    }

    public static BulkItemRequest run(String key) {
        return new BulkItemRequest(key, null);
    }

    public static BulkItemRequest skip(String key, String reason) {
        return new BulkItemRequest(key, reason);
    }
}
