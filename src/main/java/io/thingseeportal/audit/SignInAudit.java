package io.thingseeportal.audit;

import io.thingseeportal.security.ClientAddress;
import io.thingseeportal.security.SignInAttempt;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each sign-in in the audit log, and a change of the role the tenant's identity provider gives the person since
 * their previous sign-in (roles come from the provider, so a change shows first at sign-in).
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
        var actor = new AuditStore.Actor(attempt.subject(), attempt.name(), attempt.role(), ClientAddress.current());
        Long tenantId = attempt.tenantId();
        if (tenantId != null && attempt.roleChange() != null) {
            store.add(tenantId, now, actor, AuditAction.ROLE_CHANGED, attempt.subject(), attempt.roleChange());
        }
        if (attempt.refusal() == null) {
            store.add(tenantId, now, actor, AuditAction.SIGNED_IN, attempt.subject(), "");
        } else {
            store.add(tenantId, now, actor, AuditAction.SIGN_IN_REFUSED, attempt.subject(), attempt.refusal());
        }
    }
}
