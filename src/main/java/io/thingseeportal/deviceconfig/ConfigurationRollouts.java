package io.thingseeportal.deviceconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.bulk.BulkItemRequest;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.device.CheckedConfiguration;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.DeviceFilter;
import io.thingseeportal.device.DeviceListItem;
import io.thingseeportal.device.DeviceListService;
import io.thingseeportal.device.DevicePage;
import io.thingseeportal.device.DeviceSort;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One configuration message for many devices, as a job of the bulk-work engine: each device gets a command of its own,
 * sent by {@link RolloutHandler}. Devices whose product does not take the message are skipped, not failed, and so
 * are, on request, devices that are offline or low on battery.
 */
@Service
public class ConfigurationRollouts {

    static final String KIND = "deviceconfig.rollout";
    static final String SKIP_NOT_TAKEN = "rollout.skip.not-taken";
    static final String SKIP_UNKNOWN = "rollout.skip.unknown";
    static final String SKIP_OFFLINE = "rollout.skip.offline";
    static final String SKIP_LOW_BATTERY = "rollout.skip.low-battery";
    private static final int PAGE = DevicePage.MAX_LIMIT;

    /**
     * What a rollout would do: each device, with the reason it is skipped, if it is.
     *
     * @param maxDevices the most devices the tenant lets one rollout send to, if its admin set a limit
     */
    public record Plan(
            int tsmId,
            Map<String, Object> values,
            List<BulkItemRequest> devices,
            @Nullable Integer maxDevices) {

        public long toSend() {
            return devices.stream()
                    .filter(device -> device.skipReason() == null)
                    .count();
        }

        /** Whether it would send to more devices than the tenant allows in one rollout; then it cannot start. */
        public boolean tooLarge() {
            return maxDevices != null && toSend() > maxDevices;
        }
    }

    private final BulkJobs jobs;
    private final DeviceListService devices;
    private final MessageCatalog catalog;
    private final ConfigurationCheck check;
    private final DeviceCommandStore store;
    private final CurrentUser currentUser;
    private final TenantService tenants;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;

    ConfigurationRollouts(
            BulkJobs jobs,
            DeviceListService devices,
            MessageCatalog catalog,
            ConfigurationCheck check,
            DeviceCommandStore store,
            CurrentUser currentUser,
            TenantService tenants,
            ObjectMapper json,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.jobs = jobs;
        this.devices = devices;
        this.catalog = catalog;
        this.check = check;
        this.store = store;
        this.currentUser = currentUser;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The rollout's devices and who is skipped why, without starting it.
     *
     * @throws InvalidConfigurationException for values the catalog does not allow
     */
    @RolesAllowed(AppRoles.ADMIN)
    public Plan plan(RolloutRequest request) {
        return plan(request, tenants.currentSettings());
    }

    private Plan plan(RolloutRequest request, TenantSettings settings) {
        MessageType message =
                catalog.type(request.tsmId()).filter(MessageType::sendable).orElseThrow(() -> invalid(request.tsmId()));
        CheckedConfiguration checked = check.check(request.tsmId(), request.values());
        if (!checked.valid()) {
            throw new InvalidConfigurationException(checked.problems());
        }
        Instant now = clock.instant();
        int lowBattery = devices.lowBatteryPercent();
        List<BulkItemRequest> items = new ArrayList<>();
        Map<String, DeviceListItem> found = targets(request);
        Set<String> wanted = request.groupId() != null ? found.keySet() : new LinkedHashSet<>(request.tuids());
        for (String tuid : wanted) {
            DeviceListItem device = found.get(tuid);
            String skip = null;
            if (device == null) {
                skip = SKIP_UNKNOWN;
            } else if (device.product()
                    .filter(product -> catalog.sendableFor(product).contains(message))
                    .isEmpty()) {
                skip = SKIP_NOT_TAKEN;
            } else if (request.skipOffline() && (device.lastSeen() == null || device.isStale(now))) {
                skip = SKIP_OFFLINE;
            } else if (request.skipLowBattery()
                    && device.batteryLevel() != null
                    && device.batteryLevel() <= lowBattery) {
                skip = SKIP_LOW_BATTERY;
            }
            items.add(skip == null ? BulkItemRequest.run(tuid) : BulkItemRequest.skip(tuid, skip));
        }
        return new Plan(request.tsmId(), checked.valuesToSend(), items, settings.rolloutMaxDevices());
    }

    /**
     * Starts the rollout; returns the engine's job id, whose progress views follow. Unless the request says when to
     * stop, the rollout stops when its tenant's admin said, or else when the engine's default says.
     *
     * @throws RolloutTooLargeException when it would send to more devices than the tenant allows in one rollout
     */
    @RolesAllowed(AppRoles.ADMIN)
    @Transactional
    public long start(RolloutRequest request) {
        TenantSettings settings = tenants.currentSettings();
        Plan plan = plan(request, settings);
        if (plan.tooLarge()) {
            throw new RolloutTooLargeException(plan.toSend(), java.util.Objects.requireNonNull(plan.maxDevices()));
        }
        String subject =
                request.groupId() != null ? request.groupId() : plan.devices().size() + " devices";
        Integer abortPercent = request.abortPercent() != null ? request.abortPercent() : settings.rolloutStopPercent();
        long job = jobs.submit(KIND, subject, params(plan), plan.devices(), abortPercent);
        audit.record(
                currentUser.tenantId(),
                AuditAction.ROLLOUT_STARTED,
                subject,
                "job " + job + ", tsmId " + plan.tsmId() + " " + plan.values() + ", " + plan.toSend() + " devices");
        return job;
    }

    /** How many of the rollout's commands stand in each state (devices not yet reached have none). */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public Map<CommandState, Integer> commandStates(long jobId) {
        return store.countOfJob(currentUser.tenantId(), jobId);
    }

    private Map<String, DeviceListItem> targets(RolloutRequest request) {
        Map<String, DeviceListItem> found = new LinkedHashMap<>();
        if (request.groupId() != null) {
            DeviceFilter group = DeviceFilter.ALL.withGroup(request.groupId());
            for (int offset = 0; ; offset += PAGE) {
                List<DeviceListItem> page = devices.list(group, new DevicePage(offset, PAGE, DeviceSort.TUID, false));
                page.forEach(device -> found.put(device.tuid(), device));
                if (page.size() < PAGE) {
                    return found;
                }
            }
        }
        List<String> tuids = List.copyOf(new LinkedHashSet<>(request.tuids()));
        for (int from = 0; from < tuids.size(); from += PAGE) {
            devices.find(tuids.subList(from, Math.min(tuids.size(), from + PAGE)))
                    .forEach(device -> found.put(device.tuid(), device));
        }
        return found;
    }

    private String params(Plan plan) {
        try {
            return json.writeValueAsString(new RolloutParams(plan.tsmId(), plan.values()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rollout's values that are not JSON: " + plan.values(), e);
        }
    }

    private static InvalidConfigurationException invalid(int tsmId) {
        return new InvalidConfigurationException(List.of(new io.thingseeportal.device.ConfigurationProblem(
                "", "catalog.problem.not-sendable", List.of(String.valueOf(tsmId)))));
    }

    /** What every item of a rollout sends: the job's parameters. */
    record RolloutParams(int tsmId, Map<String, @Nullable Object> values) {}
}
