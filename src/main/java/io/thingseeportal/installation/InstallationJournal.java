package io.thingseeportal.installation;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Where an installation event is kept: in the installation history and in the audit log, in the caller's transaction. */
@Service
class InstallationJournal {

    private final InstallationEventStore events;
    private final AuditLog audit;

    InstallationJournal(InstallationEventStore events, AuditLog audit) {
        this.events = events;
        this.audit = audit;
    }

    void add(long tenantId, InstallationEvent event) {
        events.add(tenantId, event);
        audit.record(
                tenantId,
                AuditAction.INSTALLATION,
                event.tuid(),
                Stream.of(
                                event.action().name().toLowerCase(Locale.ROOT),
                                event.replacedTuid() == null ? null : "replacing " + event.replacedTuid(),
                                event.assetPath() == null ? null : "at " + event.assetPath(),
                                event.groupId() == null ? null : "in " + event.groupId())
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.joining(" ")));
    }
}
