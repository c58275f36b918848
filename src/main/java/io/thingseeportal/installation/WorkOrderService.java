package io.thingseeportal.installation;

import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.device.DeviceInstallations;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.BackgroundWork;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.DeviceInfo;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The installer's work orders, step by step: scanned (Thingsee is asked about the device), already installed
 * (re-install, replace or cancel), asset, group, and confirm ({@link WorkOrderConfirmation}). Each step is stored
 * before it is answered, and names the step it expects, so a second tap or a second phone changes nothing twice.
 * Installers see their own work orders; admins see all of their tenant's.
 *
 * <p>The methods that ask Thingsee block; views call their {@code InBackground} forms.
 */
@Service
public class WorkOrderService {

    private final WorkOrderStore store;
    private final AssetService assets;
    private final DeviceInstallations installations;
    private final DeviceChecks checks;
    private final CurrentUser currentUser;
    private final BackgroundWork work;
    private final Clock clock;

    WorkOrderService(
            WorkOrderStore store,
            AssetService assets,
            DeviceInstallations installations,
            DeviceChecks checks,
            CurrentUser currentUser,
            BackgroundWork work,
            Clock clock) {
        this.store = store;
        this.assets = assets;
        this.installations = installations;
        this.checks = checks;
        this.currentUser = currentUser;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Starts installing the scanned sensor, or resumes the installer's open work order for it, and asks Thingsee
     * about the device when that has not been done yet ({@link #check}).
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder start(LabelReading.Sensor sensor) {
        return start(sensor.tuid());
    }

    private WorkOrder start(String tuid) {
        PortalUser user = currentUser.require();
        long tenantId = currentUser.tenantId();
        long id = store.findOpen(tenantId, user.subject(), tuid)
                .map(WorkOrder::id)
                .orElseGet(() -> store.insert(tenantId, user.subject(), user.name(), tuid, clock.instant()));
        return check(id);
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<WorkOrder> startInBackground(LabelReading.Sensor sensor) {
        return work.supply(() -> start(sensor));
    }

    /**
     * Asks Thingsee about the device of a work order that is still at {@code CHECKING}: its details, its status and,
     * when installed, its group. A device Thingsee does not know, or a failed call, keeps the order at this step with
     * the reason, for a retry.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder check(long id) {
        WorkOrder order = load(id);
        if (order.step() != WorkOrder.Step.CHECKING) {
            return order;
        }
        long tenantId = currentUser.tenantId();
        InstallerAccess access = currentUser.require().installerAccess();
        if (access != null
                && installations
                        .assetOf(order.tuid())
                        .filter(asset -> assets.find(asset).isEmpty())
                        .isPresent()) {
            // Installed at a place outside the one site of the person's access: neither Thingsee is asked nor
            // anything about the sensor shown.
            store.failed(
                    tenantId, id, new WorkOrder.Failure("work.failure.other-site", access.siteName()), clock.instant());
            return load(id);
        }
        try {
            DeviceChecks.Found found = checks.check(order.tuid());
            WorkOrder.Step next = found.installed() ? WorkOrder.Step.ALREADY_INSTALLED : WorkOrder.Step.ASSET;
            Long previousAsset =
                    found.installed() ? installations.assetOf(order.tuid()).orElse(null) : null;
            DeviceInfo info = found.info();
            store.checked(
                    tenantId,
                    id,
                    next,
                    info.batteryLevel(),
                    info.lastSeen(),
                    found.groupId(),
                    previousAsset,
                    clock.instant());
        } catch (RuntimeException failure) {
            store.failed(tenantId, id, ThingseeFailures.of(failure, "work.failure.not-in-stack"), clock.instant());
        }
        return load(id);
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<WorkOrder> checkInBackground(long id) {
        return work.supply(() -> check(id));
    }

    /** The work order, if the signed-in user may see it. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public Optional<WorkOrder> find(long id) {
        long tenantId = currentUser.tenantId();
        PortalUser user = currentUser.require();
        return store.find(tenantId, id)
                .filter(order -> order.installer().equals(user.subject()) || user.hasRole(AppRoles.ADMIN))
                .map(order -> withPaths(List.of(order)).get(0));
    }

    /** The signed-in installer's open work orders and those finished today, the newest change first. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public List<WorkOrder> myWork(ZoneId zone) {
        Instant today =
                clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        return withPaths(
                store.mine(currentUser.tenantId(), currentUser.require().subject(), today));
    }

    /** Installs the already installed device again: on to choosing its asset. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder reinstall(long id) {
        return advance(id, EnumSet.of(WorkOrder.Step.ALREADY_INSTALLED), WorkOrder.Step.ASSET);
    }

    /** Replaces the already installed device: the new one is scanned next ({@link #replaceWith}). */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder replace(long id) {
        return advance(id, EnumSet.of(WorkOrder.Step.ALREADY_INSTALLED), WorkOrder.Step.REPLACEMENT);
    }

    /**
     * Starts replacing an installed device from its page: a work order that asks Thingsee about it and, when it is
     * installed, waits for the new device to be scanned. A device Thingsee does not have installed gets an ordinary
     * installation instead; one Thingsee could not be asked about stays at the check, with the reason.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder startReplacement(String tuid) {
        WorkOrder order = start(tuid);
        return order.step() == WorkOrder.Step.ALREADY_INSTALLED ? replace(order.id()) : order;
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<WorkOrder> startReplacementInBackground(String tuid) {
        return work.supply(() -> startReplacement(tuid));
    }

    /**
     * The new device of a replacement: Thingsee must know it, and it must be another device of the same product (as in
     * Haltian's own apps). It takes over the old
     * one's asset and group, and the order goes to confirming. A failed check keeps the order waiting for a scan, with
     * the reason.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder replaceWith(long id, LabelReading.Sensor sensor) {
        WorkOrder order = load(id);
        if (order.step() != WorkOrder.Step.REPLACEMENT) {
            return order;
        }
        long tenantId = currentUser.tenantId();
        if (sensor.tuid().equals(order.tuid())) {
            store.failed(
                    tenantId, id, new WorkOrder.Failure("work.failure.same-device", sensor.tuid()), clock.instant());
            return load(id);
        }
        Optional<ProductType> replaced = order.product();
        if (replaced.isPresent() && sensor.product().isPresent() && !replaced.equals(sensor.product())) {
            // As in Haltian's own apps: a replacement takes over the old sensor's place and purpose.
            store.failed(
                    tenantId,
                    id,
                    new WorkOrder.Failure(
                            "work.failure.other-product", replaced.get().productName()),
                    clock.instant());
            return load(id);
        }
        try {
            DeviceInfo info = checks.check(sensor.tuid()).info();
            store.replaceWith(tenantId, id, sensor.tuid(), info.batteryLevel(), info.lastSeen(), clock.instant());
        } catch (RuntimeException failure) {
            store.failed(tenantId, id, ThingseeFailures.of(failure, "work.failure.not-in-stack"), clock.instant());
        }
        return load(id);
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<WorkOrder> replaceWithInBackground(long id, LabelReading.Sensor sensor) {
        return work.supply(() -> replaceWith(id, sensor));
    }

    /** Gives up a work order while nothing of it has gone to Thingsee; a later one stays as it is. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder cancel(long id) {
        load(id);
        var open = EnumSet.complementOf(EnumSet.of(WorkOrder.Step.DONE, WorkOrder.Step.CANCELLED));
        store.advanceUntouched(currentUser.tenantId(), id, open, WorkOrder.Step.CANCELLED, clock.instant());
        return load(id);
    }

    /**
     * Goes back one step to change the choice made there: from the group to the asset, and from confirming to the
     * group while nothing has gone to Thingsee.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder back(long id) {
        WorkOrder order = load(id);
        if (order.step() == WorkOrder.Step.GROUP) {
            return advance(id, EnumSet.of(WorkOrder.Step.GROUP), WorkOrder.Step.ASSET);
        }
        if (order.step() == WorkOrder.Step.CONFIRM) {
            store.advanceUntouched(
                    currentUser.tenantId(),
                    id,
                    EnumSet.of(WorkOrder.Step.CONFIRM),
                    WorkOrder.Step.GROUP,
                    clock.instant());
            return load(id);
        }
        return order;
    }

    private WorkOrder advance(long id, EnumSet<WorkOrder.Step> from, WorkOrder.Step to) {
        load(id);
        store.advance(currentUser.tenantId(), id, from, to, clock.instant());
        return load(id);
    }

    /** The work order, with its assets' paths; a {@link NoSuchWorkOrderException} when the user may not see it. */
    WorkOrder load(long id) {
        return find(id).orElseThrow(() -> new NoSuchWorkOrderException(id));
    }

    private List<WorkOrder> withPaths(List<WorkOrder> orders) {
        if (orders.stream().allMatch(order -> order.assetId() == null && order.previousAssetId() == null)) {
            return orders;
        }
        Map<Long, String> paths =
                assets.all().stream().collect(Collectors.toMap(Asset::id, Asset::pathText, (a, b) -> a));
        Function<@Nullable Long, @Nullable String> path = assetId -> assetId == null ? null : paths.get(assetId);
        return orders.stream()
                .map(order -> order.withAssetPaths(path.apply(order.previousAssetId()), path.apply(order.assetId())))
                .toList();
    }
}
