package io.thingseeportal.asset;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.InstallerGrants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Temporary installer access: an admin grants a person seen at sign-in the installer role for one site until the end
 * of a day; it ends by itself then, or earlier when an admin ends it. Sign-in and each request ask it through
 * {@link InstallerGrants}; the asset tree then shows the person that site only.
 */
@Service
public class InstallerAccessService implements InstallerGrants {

    /** The longest temporary access: a year. */
    static final int MAX_DAYS = 366;

    private final InstallerGrantStore store;
    private final AssetService assets;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    InstallerAccessService(
            InstallerGrantStore store, AssetService assets, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.assets = assets;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Grants the person the installer role at the site until the end of {@code lastDay} in {@code zone}.
     *
     * @throws InstallerAccessRefusedException for a site that is not one of the tenant's sites, a person not seen at
     *     its sign-in or who has access that holds (end it first), a day that has passed or one more than a year away;
     *     nothing is saved then
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public InstallerGrant grant(String subject, long siteId, LocalDate lastDay, ZoneId zone) {
        long tenantId = currentUser.tenantId();
        Asset site = assets.find(siteId)
                .filter(found -> found.kind() == AssetKind.SITE)
                .orElseThrow(() -> new InstallerAccessRefusedException("installer-access.site.unknown"));
        if (!store.seen(tenantId, subject)) {
            throw new InstallerAccessRefusedException("installer-access.person.unknown");
        }
        Instant now = clock.instant();
        Optional<InstallerGrant> holding = store.holdingFor(tenantId, subject, now);
        if (holding.isPresent()) {
            // Sign-in honours one site per person: a second grant would show as given and do nothing.
            throw new InstallerAccessRefusedException(
                    "installer-access.person.has-access", holding.get().siteName());
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (lastDay.isBefore(today)) {
            throw new InstallerAccessRefusedException("installer-access.day.past");
        }
        if (lastDay.isAfter(today.plusDays(MAX_DAYS))) {
            throw new InstallerAccessRefusedException("installer-access.day.too-far", MAX_DAYS);
        }
        Instant endsAt = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        long id = store.insert(
                tenantId, subject, siteId, endsAt, currentUser.require().name(), now);
        audit.record(tenantId, AuditAction.INSTALLER_ACCESS_GRANTED, subject, site.name() + " until " + lastDay);
        return store.holdingGrant(tenantId, id, now).orElseThrow();
    }

    /** Ends the grant now; false when it had ended already or is not the tenant's. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public boolean end(long grantId) {
        long tenantId = currentUser.tenantId();
        Instant now = clock.instant();
        Optional<InstallerGrant> grant = store.holdingGrant(tenantId, grantId, now);
        if (grant.isEmpty() || !store.end(tenantId, grantId, now)) {
            return false;
        }
        audit.record(
                tenantId,
                AuditAction.INSTALLER_ACCESS_ENDED,
                grant.get().subject(),
                grant.get().siteName());
        return true;
    }

    /** The grants that hold now, of the site or (null) of every site of the admin's tenant, ending soonest first. */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional(readOnly = true)
    public List<InstallerGrant> holding(@Nullable Long siteId) {
        return store.holding(currentUser.tenantId(), siteId, clock.instant());
    }

    @Override
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional(readOnly = true)
    public Map<String, InstallerAccess> holdingByPerson() {
        Map<String, InstallerAccess> byPerson = new HashMap<>();
        for (InstallerGrant grant : store.holding(currentUser.tenantId(), null, clock.instant())) {
            byPerson.merge(
                    grant.subject(),
                    new InstallerAccess(grant.id(), grant.siteId(), grant.siteName(), grant.endsAt()),
                    (first, later) -> first.endsAt().isAfter(later.endsAt()) ? first : later);
        }
        return byPerson;
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<InstallerAccess> activeFor(long tenantId, String subject) {
        return store.holdingFor(tenantId, subject, clock.instant())
                .map(grant -> new InstallerAccess(grant.id(), grant.siteId(), grant.siteName(), grant.endsAt()));
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public boolean holds(long tenantId, long grantId) {
        return store.holdingGrant(tenantId, grantId, clock.instant()).isPresent();
    }
}
