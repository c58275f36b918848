package io.thingseeportal.tenant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person seen at sign-in to the tenant, as its admins see them.
 *
 * @param subject who they are at their identity provider
 * @param role the role their claims gave at their last sign-in, or null for none (they saw "no access")
 */
public record SeenUser(
        String subject,
        String name,
        @Nullable String email,
        @Nullable String role,
        Instant firstSeenAt,
        Instant lastSignInAt) {}
