package io.thingseeportal.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * Temporary installer access that an admin granted a person: the installer role for one site, until a moment. It
 * ends by itself then, or earlier when an admin ends it.
 *
 * @param siteId the site's asset id: the person installs only at it and below it
 * @param endsAt the first moment it no longer holds
 */
public record InstallerAccess(long grantId, long siteId, String siteName, Instant endsAt) implements Serializable {

    public boolean holdsAt(Instant now) {
        return now.isBefore(endsAt);
    }
}
