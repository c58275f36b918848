package io.thingseeportal.installation;

import io.thingseeportal.asset.AssetException;
import io.thingseeportal.thingsee.NoThingseeStackException;
import io.thingseeportal.thingsee.ThingseeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Thingsee's failures in words for an installer: what went wrong, and what to do. */
final class ThingseeFailures {

    private static final Logger log = LoggerFactory.getLogger(ThingseeFailures.class);

    private ThingseeFailures() {}

    /**
     * The failure of a call; a device Thingsee does not know gets {@code notFoundKey}. A failure that is not Thingsee's
     * is logged and named unexpected.
     */
    static WorkOrder.Failure of(RuntimeException failure, String notFoundKey) {
        if (failure instanceof ThingseeException thingsee) {
            String detail = thingsee.apiMessage().isBlank()
                    ? (thingsee.status() == 0 ? thingsee.reason() : thingsee.status() + " " + thingsee.reason())
                    : thingsee.apiMessage();
            String key;
            if (thingsee instanceof ThingseeException.NotFound) {
                key = notFoundKey;
            } else if (thingsee instanceof ThingseeException.Unavailable) {
                key = "work.failure.unavailable";
            } else if (thingsee instanceof ThingseeException.RateLimited) {
                key = "work.failure.rate-limited";
            } else if (thingsee instanceof ThingseeException.BadCredentials) {
                key = "work.failure.credentials";
            } else {
                key = "work.failure.refused";
            }
            return new WorkOrder.Failure(key, detail);
        }
        if (failure instanceof AssetException asset) {
            return new WorkOrder.Failure(asset.messageKey(), asset.subject());
        }
        if (failure instanceof NoThingseeStackException) {
            return new WorkOrder.Failure("work.failure.no-stack", "");
        }
        log.error("An installation step failed unexpectedly", failure);
        return new WorkOrder.Failure("work.failure.unexpected", "");
    }
}
