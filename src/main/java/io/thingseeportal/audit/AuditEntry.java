package io.thingseeportal.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log.
 *
 * @param tenantSlug the tenant's short name, or null for what concerns no tenant (an operator's own sign-in)
 * @param actorRole the role the person acted in, or null when they had none (a refused sign-in)
 * @param subject what it concerns: a TUID, a group id, a tenant's short name, a person
 * @param sourceAddress the client address of the request, or null for work that had none
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        @Nullable String tenantSlug,
        String actorSubject,
        String actorName,
        @Nullable String actorRole,
        AuditAction action,
        String subject,
        String details,
        @Nullable String sourceAddress) {}
