package io.thingseeportal.tenant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the portal shows of a tenant. */
public record TenantSummary(
        long id, String slug, String name, @Nullable String defaultCountry, Instant createdAt, TenantStatus status) {}
