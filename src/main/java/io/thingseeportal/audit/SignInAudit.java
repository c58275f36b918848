package io.thingseeportal.audit;

import io.thingseeportal.security.SignInAttempt;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each sign-in in the audit log, and a change of the person's role since their last sign-in to the tenant (roles
 * come from the tenant's identity provider, so a change shows first at sign-in).
 */
@Service
class SignInAudit {

    private final AuditStore store;
    private final Clock clock;

    SignInAudit(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void signInAttempted(SignInAttempt attempt) {
        Instant now = clock.instant();
        var actor = new AuditStore.Actor(attempt.subject(), attempt.name(), attempt.role(), AuditLog.clientAddress());
        Long tenantId = attempt.tenantId();
        if (tenantId != null && attempt.tellsRole()) {
            String role = Objects.requireNonNullElse(attempt.role(), "");
            store.lastSignInRole(tenantId, attempt.subject())
                    .filter(before -> !before.equals(role))
                    .ifPresent(before -> store.add(
                            tenantId,
                            now,
                            actor,
                            AuditAction.ROLE_CHANGED,
                            attempt.subject(),
                            (before.isEmpty() ? "none" : before) + " -> " + (role.isEmpty() ? "none" : role)));
        }
        if (attempt.refusal() == null) {
            store.add(tenantId, now, actor, AuditAction.SIGNED_IN, attempt.subject(), "");
        } else {
            store.add(tenantId, now, actor, AuditAction.SIGN_IN_REFUSED, attempt.subject(), attempt.refusal());
        }
    }
}
