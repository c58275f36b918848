package io.thingseeportal.tenant;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.security.ActiveTenants;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The tenants: the operator sees all of them, everyone else only their own. */
@Service
@Validated
public class TenantService implements ActiveTenants {

    private final TenantRepository tenants;
    private final SeenUserStore seen;
    private final CurrentUser currentUser;
    private final TenantGroups groups;
    private final AuditLog audit;

    TenantService(
            TenantRepository tenants,
            SeenUserStore seen,
            CurrentUser currentUser,
            TenantGroups groups,
            AuditLog audit) {
        this.audit = audit;
        this.tenants = tenants;
        this.seen = seen;
        this.currentUser = currentUser;
        this.groups = groups;
    }

    /** The people seen at the admin's own tenant's sign-in, with their role and last sign-in, latest first. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional(readOnly = true)
    public List<SeenUser> seenUsers() {
        return seen.list(currentUser.tenantId());
    }

    /** Open to all: asked at every request of a signed-in user, whose tenant an operator may have disabled since. */
    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public boolean isActive(long tenantId) {
        return tenants.findById(tenantId)
                .map(tenant -> tenant.status() == TenantStatus.ACTIVE)
                .orElse(false);
    }

    /**
     * Enables or disables a tenant. A disabled tenant's users cannot sign in, and those signed in are signed out at
     * their next request; its data and its data stream stay.
     *
     * @throws UnknownTenantException for a tenant that is not there
     */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional
    public TenantSummary setStatus(long tenantId, TenantStatus status) {
        if (tenants.updateStatus(tenantId, status.name()) == 0) {
            throw new UnknownTenantException(tenantId);
        }
        TenantSummary changed = tenants.findById(tenantId).orElseThrow().summary();
        audit.record(tenantId, AuditAction.TENANT_STATUS_CHANGED, changed.slug(), status.name());
        return changed;
    }

    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional(readOnly = true)
    public List<TenantSummary> findAll() {
        return tenants.findAllByOrderByNameAsc().stream().map(Tenant::summary).toList();
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public TenantSettings currentSettings() {
        return currentTenant().settings();
    }

    /** The admin's tenant's groups that can be its default group: those whose id or description has the text. */
    @RolesAllowed(AppRoles.ADMIN)
    public List<String> defaultGroupChoices(String text, int offset, int limit) {
        return groups.matching(text, offset, limit);
    }

    /** The signed-in user's own tenant. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public TenantSummary current() {
        return currentTenant().summary();
    }

    /**
     * Saves the admin's tenant's settings.
     *
     * @throws TenantChangeRefusedException for a country that is not one, or a default group the tenant does not have
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public TenantSettings updateSettings(@Valid TenantSettings settings) {
        String country = settings.defaultCountry();
        if (country != null && !Countries.isKnown(country)) {
            throw new TenantChangeRefusedException("settings.country.unknown", country);
        }
        String group = settings.defaultGroupId();
        if (group != null && !groups.has(group)) {
            throw new TenantChangeRefusedException("settings.group.unknown", group);
        }
        long tenantId = currentUser.tenantId();
        if (tenants.updateSettings(
                        tenantId,
                        settings.name(),
                        country,
                        group,
                        settings.echoDeadlineMinutes(),
                        settings.rolloutMaxDevices(),
                        settings.rolloutStopPercent())
                == 0) {
            throw new IllegalStateException("Tenant " + tenantId + " of a signed-in user is gone");
        }
        audit.record(
                tenantId, AuditAction.TENANT_SETTINGS_CHANGED, currentTenant().slug(), settings.toString());
        return settings;
    }

    private Tenant currentTenant() {
        long tenantId = currentUser.tenantId();
        return tenants.findById(tenantId)
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " of a signed-in user is gone"));
    }
}
