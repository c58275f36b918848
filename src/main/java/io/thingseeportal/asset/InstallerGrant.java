package io.thingseeportal.asset;

import java.time.Instant;

/**
 * Temporary installer access as admins see it: who may install at which site until when, and who granted it.
 *
 * @param endsAt the first moment it no longer holds
 */
public record InstallerGrant(
        long id,
        String subject,
        String personName,
        long siteId,
        String siteName,
        Instant endsAt,
        String grantedByName,
        Instant grantedAt) {}
