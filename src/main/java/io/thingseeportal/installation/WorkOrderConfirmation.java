package io.thingseeportal.installation;

import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetException;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.device.DeviceInstallations;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.BackgroundWork;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationStatus;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms a work order: tells Thingsee (a replaced device to {@code unassigned} and {@code uninstalled}; the device
 * {@code installed}, then into its group) and then links the device to its asset in the portal. Each call that
 * succeeds is recorded at once and never made again; a failed one keeps the order at {@code CONFIRM} with the reason,
 * for a retry. An installations call that may have reached Thingsee before its answer was lost is checked with
 * {@code GET …/installations?limit=1} before it is sent again. Only one confirmation of an order runs at a time, on
 * any node: a second tap finds the order taken and changes nothing.
 */
@Service
public class WorkOrderConfirmation {

    /**
     * How long a confirmation holds its order without renewing it (it renews before each call, and a call with its
     * retries takes well under this): past it, a node that died while confirming no longer blocks the order.
     */
    static final Duration HOLD = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(WorkOrderConfirmation.class);

    private final WorkOrderStore store;
    private final InstallationJournal events;
    private final WorkOrderService orders;
    private final DeviceChecks thingsee;
    private final DeviceInstallations installations;
    private final AssetService assets;
    private final CurrentUser currentUser;
    private final BackgroundWork work;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WorkOrderConfirmation(
            WorkOrderStore store,
            InstallationJournal events,
            WorkOrderService orders,
            DeviceChecks thingsee,
            DeviceInstallations installations,
            AssetService assets,
            CurrentUser currentUser,
            BackgroundWork work,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.orders = orders;
        this.thingsee = thingsee;
        this.installations = installations;
        this.assets = assets;
        this.currentUser = currentUser;
        this.work = work;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Makes the calls of {@link WorkOrder#calls()} that have not succeeded yet. Returns the order as it is then: done,
     * or at {@code CONFIRM} with the failure, or unchanged when it was not at {@code CONFIRM} or another confirmation
     * holds it.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public WorkOrder confirm(long id) {
        WorkOrder seen = orders.load(id);
        long tenantId = currentUser.tenantId();
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        if (seen.step() != WorkOrder.Step.CONFIRM || !store.claim(tenantId, id, token, now, now.minus(HOLD))) {
            return seen;
        }
        InstallerAccess access = currentUser.require().installerAccess();
        if (access != null && !withinTheirSite(seen)) {
            // Temporary installer access is for one site: a sensor taken from or put elsewhere is not theirs to move.
            store.failed(tenantId, id, new WorkOrder.Failure("work.failure.other-site", access.siteName()), now);
            store.release(tenantId, id, token);
            return orders.load(id);
        }
        try {
            // Read again once held: a confirmation that ran meanwhile may have made some of the calls.
            WorkOrder order = orders.load(id);
            Set<WorkOrder.Call> done = EnumSet.noneOf(WorkOrder.Call.class);
            done.addAll(order.done());
            for (WorkOrder.Call call : order.calls()) {
                if (done.contains(call)) {
                    continue;
                }
                if (!store.renew(tenantId, id, token, clock.instant())) {
                    log.warn("Work order {} of {}: the confirmation lost its hold before {}", id, order.tuid(), call);
                    break;
                }
                try {
                    make(order, call, done, token);
                } catch (RuntimeException failure) {
                    log.info("Work order {} of {}: {} failed: {}", id, order.tuid(), call, failure.toString());
                    String notFound = call == WorkOrder.Call.GROUPED ? "work.failure.group-gone" : "work.failure.gone";
                    store.failed(tenantId, id, ThingseeFailures.of(failure, notFound), clock.instant());
                    break;
                }
                done.add(call);
                if (call != WorkOrder.Call.LINKED) {
                    store.callDone(tenantId, id, token, done, clock.instant());
                }
            }
        } finally {
            store.release(tenantId, id, token);
        }
        return orders.load(id);
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<WorkOrder> confirmInBackground(long id) {
        return work.supply(() -> confirm(id));
    }

    private void make(WorkOrder order, WorkOrder.Call call, Set<WorkOrder.Call> done, String token) {
        String groupId = Objects.requireNonNull(order.groupId(), "a work order at CONFIRM has a group");
        switch (call) {
            case OLD_UNASSIGNED -> thingsee.setGroup(replaced(order), GroupAssignment.UNASSIGNED);
            case OLD_UNINSTALLED -> thingsee.setStatus(replaced(order), InstallationStatus.UNINSTALLED);
            case INSTALLED -> install(order);
            case GROUPED -> thingsee.setGroup(order.tuid(), groupId);
            case LINKED -> link(order, groupId, done, token);
        }
    }

    /**
     * Whether both places of the order are ones the user sees (for temporary installer access: within its site): where
     * the sensor goes, and where it was (a reinstallation's or a replaced sensor's place, which must be known then).
     */
    private boolean withinTheirSite(WorkOrder order) {
        Long to = order.assetId();
        Long from = order.previousAssetId();
        boolean toSeen = to != null && assets.find(to).isPresent();
        boolean fromSeen =
                from == null ? order.replacesTuid() == null : assets.find(from).isPresent();
        return toSeen && fromSeen;
    }

    /** Sets the device installed, unless an earlier attempt whose answer was lost did so already. */
    private void install(WorkOrder order) {
        long tenantId = currentUser.tenantId();
        if (store.installSent(tenantId, order.id()) && thingsee.isInstalled(order.tuid())) {
            return;
        }
        store.installSent(tenantId, order.id(), clock.instant());
        thingsee.setStatus(order.tuid(), InstallationStatus.INSTALLED);
    }

    /** Records the installation in the portal and finishes the order, in one transaction. */
    private void link(WorkOrder order, String groupId, Set<WorkOrder.Call> done, String token) {
        long assetId = Objects.requireNonNull(order.assetId(), "a work order at CONFIRM has an asset");
        Asset asset = assets.find(assetId).orElseThrow(() -> new AssetException(AssetException.Problem.NOT_FOUND, ""));
        long tenantId = currentUser.tenantId();
        transaction.executeWithoutResult(status -> {
            if (order.replacesTuid() != null) {
                installations.recordRemoval(order.replacesTuid(), InstallationStatus.UNINSTALLED);
            }
            installations.recordInstallation(
                    order.tuid(), DeviceChecks.groupOrNull(groupId), assetId, asset.pathText());
            record(order, asset, groupId);
            var all = EnumSet.copyOf(done);
            all.add(WorkOrder.Call.LINKED);
            if (!store.callDone(tenantId, order.id(), token, all, clock.instant())
                    || !store.finish(tenantId, order.id(), token, clock.instant())) {
                // Rolled back: another confirmation holds the order now, and it links the device itself.
                throw new IllegalStateException("Work order " + order.id() + " is held by another confirmation");
            }
        });
    }

    /** The history: the device installed (or replacing another), and the replaced one uninstalled. */
    private void record(WorkOrder order, Asset asset, String groupId) {
        PortalUser user = currentUser.require();
        Instant now = clock.instant();
        String site = asset.path().get(0);
        String replaced = order.replacesTuid();
        long tenantId = currentUser.tenantId();
        if (replaced != null) {
            events.add(
                    tenantId,
                    new InstallationEvent(
                            replaced,
                            InstallationEvent.Action.UNINSTALLED,
                            asset.pathText(),
                            site,
                            groupId,
                            null,
                            user.subject(),
                            user.name(),
                            now));
        }
        events.add(
                tenantId,
                new InstallationEvent(
                        order.tuid(),
                        replaced == null ? InstallationEvent.Action.INSTALLED : InstallationEvent.Action.REPLACED,
                        asset.pathText(),
                        site,
                        groupId,
                        replaced,
                        user.subject(),
                        user.name(),
                        now));
    }

    private static String replaced(WorkOrder order) {
        return Objects.requireNonNull(order.replacesTuid(), "only a replacement uninstalls a device");
    }
}
