package io.thingseeportal.device;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configuration people want each device to have, beside what the device reports (REFERENCE 5.3): per message the
 * last value sent for each parameter wins. A device drifts when a parameter asked for differs from what it last
 * reported, or when it has not reported that message yet; its row carries the flag, so that lists can show it.
 */
@Service
public class DesiredConfigurations {

    private final DesiredConfigurationStore store;
    private final DeviceDetailsStore details;
    private final CurrentUser currentUser;
    private final Clock clock;

    DesiredConfigurations(
            DesiredConfigurationStore store, DeviceDetailsStore details, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.details = details;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records that a configuration message asks the device for these values: each replaces the desired one, the others
     * stay. Joins the caller's transaction, so that the wish commits with the command that carries it.
     *
     * @throws NoSuchDeviceException for a device the tenant does not have
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional(propagation = Propagation.MANDATORY)
    public void desire(String tuid, int tsmId, Map<String, Object> values) {
        long tenantId = currentUser.tenantId();
        if (!store.lockDevice(tenantId, tuid)) {
            throw new NoSuchDeviceException(tuid);
        }
        Map<Integer, Map<String, Object>> messages =
                new LinkedHashMap<>(store.desired(tenantId, List.of(tuid)).getOrDefault(tuid, Map.of()));
        Map<String, Object> desired = new LinkedHashMap<>(messages.getOrDefault(tsmId, Map.of()));
        desired.putAll(values);
        store.put(tenantId, tuid, tsmId, desired, clock.instant());
        messages.put(tsmId, desired);
        refreshDrift(tenantId, List.of(tuid), Map.of(tuid, messages));
    }

    /** Each configuration message the device has been asked for or has reported, desired beside reported. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<ConfigurationComparison> compare(String tuid) {
        long tenantId = currentUser.tenantId();
        Long site = currentUser.require().onlySite();
        if (site != null && !details.atSite(tenantId, tuid, site)) {
            // A device outside the one site of the person's installer access is as unknown as another tenant's.
            return List.of();
        }
        Map<Integer, Map<String, Object>> desired =
                store.desired(tenantId, List.of(tuid)).getOrDefault(tuid, Map.of());
        Map<Integer, ReportedConfiguration> reported = new LinkedHashMap<>();
        details.configuration(tenantId, tuid).forEach(message -> reported.put(message.tsmId(), message));
        Set<Integer> messages = new TreeSet<>(desired.keySet());
        messages.addAll(reported.keySet());
        return messages.stream()
                .map(tsmId -> {
                    Map<String, Object> wanted = desired.getOrDefault(tsmId, Map.of());
                    ReportedConfiguration actual = reported.get(tsmId);
                    return new ConfigurationComparison(
                            tsmId, wanted, actual, differing(wanted, actual == null ? null : actual.fields()));
                })
                .toList();
    }

    /** Recomputes the drift of devices whose reported configuration changed; in the caller's transaction. */
    void refreshDrift(long tenantId, Collection<String> tuids) {
        if (tuids.isEmpty()) {
            return;
        }
        refreshDrift(tenantId, tuids, store.desired(tenantId, tuids));
    }

    /** As above, with the devices' desired configuration already known (every message of each device). */
    private void refreshDrift(
            long tenantId, Collection<String> tuids, Map<String, Map<Integer, Map<String, Object>>> desired) {
        var reported = store.reported(tenantId, desired.keySet());
        Set<String> drifting = new HashSet<>();
        desired.forEach((tuid, messages) -> messages.forEach((tsmId, wanted) -> {
            Map<String, Object> actual = reported.getOrDefault(tuid, Map.of()).get(tsmId);
            if (!differing(wanted, actual).isEmpty()) {
                drifting.add(tuid);
            }
        }));
        store.setDrift(tenantId, drifting, tuids);
    }

    private static Set<String> differing(Map<String, Object> wanted, @Nullable Map<String, Object> actual) {
        Set<String> differing = new LinkedHashSet<>();
        wanted.forEach((field, value) -> {
            if (actual == null || !ConfigurationValues.same(value, actual.get(field))) {
                differing.add(field);
            }
        });
        return differing;
    }
}
