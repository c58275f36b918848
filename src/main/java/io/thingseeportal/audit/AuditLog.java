package io.thingseeportal.audit;

import io.thingseeportal.csv.Csv;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.ClientAddress;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: the features record what people do here, in the transaction of the change itself, so that an entry
 * exists exactly when its change was kept; admins read their tenant's entries, operators everyone's. Who is always
 * the signed-in user, never the caller's say, and from where is the client address of the request behind the change
 * ({@link ClientAddress}).
 */
@Service
public class AuditLog {

    private static final int EXPORT_PAGE = 1000;
    private static final List<String> HEADER =
            List.of("time", "tenant", "who", "name", "role", "action", "subject", "details", "from");

    private final AuditStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(AuditStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records what the signed-in user did to a tenant: their own, or, for an operator (or the portal's own scheduled
     * work, which runs as one), any.
     *
     * @throws IllegalArgumentException for another tenant than a tenant user's own, recording nothing
     */
    @PermitAll
    @Transactional
    public void record(long tenantId, AuditAction action, String subject, String details) {
        PortalUser user = currentUser.require();
        if (!user.hasRole(AppRoles.OPERATOR) && !Long.valueOf(tenantId).equals(user.tenantId())) {
            throw new IllegalArgumentException(
                    user.subject() + " of tenant " + user.tenantId() + " cannot act in tenant " + tenantId);
        }
        store.add(tenantId, clock.instant(), actor(user), action, subject, details);
    }

    /** A page of the entries the reader may see that pass the filter, the newest first. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.OPERATOR})
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return store.find(scope(), filter, offset, limit);
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.OPERATOR})
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        return store.count(scope(), filter);
    }

    /** Whether the reader sees every tenant's entries (an operator) rather than their own tenant's. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.OPERATOR})
    public boolean seesAllTenants() {
        return scope() == null;
    }

    /** Writes the entries that pass the filter as CSV ({@link Csv}), the newest first, in the filter's zone's time. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.OPERATOR})
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, Writer out) {
        Long scope = scope();
        try {
            Csv.line(out, HEADER.stream());
            AuditEntry last = null;
            while (true) {
                List<AuditEntry> page = store.pageAfter(scope, filter, last, EXPORT_PAGE);
                for (AuditEntry entry : page) {
                    Csv.line(
                            out,
                            Stream.of(
                                    LocalDateTime.ofInstant(entry.occurredAt(), filter.zone())
                                            .withNano(0)
                                            .toString(),
                                    entry.tenantSlug(),
                                    entry.actorSubject(),
                                    entry.actorName(),
                                    entry.actorRole(),
                                    entry.action().name(),
                                    entry.subject(),
                                    entry.details(),
                                    entry.sourceAddress()));
                }
                if (page.size() < EXPORT_PAGE) {
                    return;
                }
                last = page.get(page.size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reader's tenant, or null for an operator, who reads all. */
    private @Nullable Long scope() {
        PortalUser user = currentUser.require();
        return user.hasRole(AppRoles.OPERATOR) ? null : currentUser.tenantId();
    }

    static AuditStore.Actor actor(PortalUser user) {
        return new AuditStore.Actor(user.subject(), user.name(), user.primaryRole(), ClientAddress.current());
    }
}
