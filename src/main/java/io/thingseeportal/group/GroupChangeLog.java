package io.thingseeportal.group;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Where a group change is kept: in the group's history and, as the person (or the scheduled sync) who made it, in the
 * audit log, in the caller's transaction.
 */
@Service
class GroupChangeLog {

    private final GroupStore groups;
    private final AuditLog audit;

    GroupChangeLog(GroupStore groups, AuditLog audit) {
        this.groups = groups;
        this.audit = audit;
    }

    void add(long tenantId, GroupChange change) {
        groups.addChange(tenantId, change);
        audit.record(
                tenantId,
                AuditAction.GROUP_CHANGED,
                change.groupId(),
                change.kind().name() + (change.details() == null ? "" : ": " + change.details()));
    }
}
