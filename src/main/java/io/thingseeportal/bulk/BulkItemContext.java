package io.thingseeportal.bulk;

import io.thingseeportal.security.PortalUser;

/**
 * One item for a handler to run, with what its job was submitted with.
 *
 * @param attempt 1 on the first run; more when the item runs again after a transient failure, a rate limit, or a
 *     node that died while running it (the handler may have made the change already then)
 * @param user who submitted the job; the item runs signed in as this user
 */
public record BulkItemContext(
        long jobId,
        long tenantId,
        String kind,
        String key,
        int position,
        String subject,
        String params,
        int attempt,
        PortalUser user) {

    /** Whether an earlier run of this item may have made some or all of its change already. */
    public boolean isRepeat() {
        return attempt > 1;
    }
}
