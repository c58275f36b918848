package io.thingseeportal.device;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's fleet as the device list and the start page show it: filtered, sorted and paged in the database, so that
 * it reads as fast with 100,000 devices as with ten. Every query is scoped to the signed-in user's tenant.
 */
@Service
public class DeviceListService {

    /** Rows per query of the CSV export: the file is written as it is read, never held whole. */
    static final int EXPORT_PAGE = DevicePage.MAX_LIMIT;

    private final DeviceListStore store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final int lowBatteryPercent;

    DeviceListService(DeviceListStore store, CurrentUser currentUser, Clock clock, DevicesProperties properties) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.lowBatteryPercent = properties.lowBatteryPercent();
    }

    /** One page of the devices that pass the filter. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeviceListItem> list(DeviceFilter filter, DevicePage page) {
        return store.page(currentUser.tenantId(), currentUser.require().onlySite(), filter, clock.instant(), page);
    }

    /** How many devices pass the filter. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long count(DeviceFilter filter) {
        return store.count(currentUser.tenantId(), currentUser.require().onlySite(), filter, clock.instant());
    }

    /**
     * The tenant's devices of these TUIDs as they are now, for refreshing the rows a live view shows; TUIDs of other
     * tenants' devices, or of none, are left out.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeviceListItem> find(Collection<String> tuids) {
        return tuids.isEmpty()
                ? List.of()
                : store.find(currentUser.tenantId(), currentUser.require().onlySite(), tuids);
    }

    /**
     * The deployment groups the tenant's devices are in, by id, for choosing one in the list's filter;
     * {@link DeviceFilter#NO_GROUP} stands for the devices in no group.
     *
     * @param search a case-insensitive part of the group id; blank for all
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<String> groups(String search, int offset, int limit) {
        return store.groups(
                currentUser.tenantId(),
                currentUser.require().onlySite(),
                search,
                offset,
                Math.min(limit, DevicePage.MAX_LIMIT));
    }

    /** Devices, online, stale and low on battery, now. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public FleetCounts counts() {
        return store.counts(
                currentUser.tenantId(), currentUser.require().onlySite(), clock.instant(), lowBatteryPercent);
    }

    /** At or below this battery percentage a device counts as low on battery ({@code portal.devices.low-battery-percent}). */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public int lowBatteryPercent() {
        return lowBatteryPercent;
    }

    /**
     * Writes every device that passes the filter as CSV (see {@link DeviceCsv}), in the list's order, reading
     * {@value #EXPORT_PAGE} rows at a time. One repeatable-read transaction makes the pages one snapshot, so that a
     * device whose row changes meanwhile is neither skipped nor written twice.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void exportCsv(DeviceFilter filter, DeviceSort sort, boolean descending, Writer out) {
        long tenantId = currentUser.tenantId();
        Long site = currentUser.require().onlySite();
        var now = clock.instant();
        try {
            DeviceCsv.header(out);
            for (int offset = 0; ; offset += EXPORT_PAGE) {
                List<DeviceListItem> page =
                        store.page(tenantId, site, filter, now, new DevicePage(offset, EXPORT_PAGE, sort, descending));
                for (DeviceListItem device : page) {
                    DeviceCsv.row(out, device);
                }
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
