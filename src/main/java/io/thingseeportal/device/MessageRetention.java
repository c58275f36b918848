package io.thingseeportal.device;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantSummary;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code portal.devices.message-history} of every tenant's message history and deletes what arrived before. With
 * several nodes each runs the schedule, but a node trims a tenant only after it claimed it: it moves the tenant's
 * {@code device_message_retention.ran_at} forward, which succeeds for one node per interval. The claim commits on its
 * own, before the delete, so a second node waits only for that one row.
 */
@Service
public class MessageRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);
    private static final PortalUser RETENTION =
            new PortalUser("message-retention", "Message retention", Set.of(AppRoles.OPERATOR), null, null, null);

    private final JdbcClient jdbc;
    private final TenantService tenants;
    private final CurrentUser currentUser;
    private final DevicesProperties properties;
    private final Clock clock;

    MessageRetention(
            JdbcClient jdbc,
            TenantService tenants,
            CurrentUser currentUser,
            DevicesProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
    }

    /** The scheduled job: trims every tenant no node trimmed within the interval. One failure does not stop the rest. */
    void trimAllTenants() {
        for (TenantSummary tenant : currentUser.runAs(RETENTION, tenants::findAll)) {
            try {
                trim(tenant.id());
            } catch (RuntimeException e) {
                log.warn("Message history of tenant {} not trimmed: {}", tenant.slug(), e.toString());
            }
        }
    }

    /**
     * Trims the tenant's history if this node claims it.
     *
     * @return how many messages were deleted, or -1 when another node trimmed the tenant within the interval
     */
    long trim(long tenantId) {
        Instant now = clock.instant();
        if (!claim(tenantId, now)) {
            return -1;
        }
        int deleted = jdbc.sql("DELETE FROM device_message WHERE tenant_id = ? AND received_at < ?")
                .params(tenantId, Timestamp.from(now.minus(properties.messageHistory())))
                .update();
        if (deleted > 0) {
            log.info("Message history of tenant {}: {} messages older than {} deleted", tenantId, deleted, now);
        }
        return deleted;
    }

    private boolean claim(long tenantId, Instant now) {
        jdbc.sql("INSERT INTO device_message_retention (tenant_id, ran_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(tenantId, Timestamp.from(Instant.EPOCH))
                .update();
        return jdbc.sql("UPDATE device_message_retention SET ran_at = ? WHERE tenant_id = ? AND ran_at < ?")
                        .params(
                                Timestamp.from(now),
                                tenantId,
                                Timestamp.from(now.minus(properties.retentionInterval())))
                        .update()
                == 1;
    }
}
