package io.thingseeportal.installation;

import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceInstallations;
import io.thingseeportal.device.NoSuchDeviceException;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.BackgroundWork;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationStatus;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to an installed device later, from its page (REFERENCE 2.5): uninstall (to {@code unassigned} and
 * {@code uninstalled}), quarantine (waiting for maintenance where it is) and retire (to {@code unassigned} and
 * {@code retired}, for good). Thingsee is told first; the portal records the change, and the history its entry, only
 * once Thingsee has taken it. Each call is safe to repeat, so a retry after a failure simply starts again.
 */
@Service
public class DeviceLifecycle {

    /** The changes, with the status each sets and whether the device leaves its asset and group. */
    public enum Change {
        UNINSTALL(InstallationStatus.UNINSTALLED, true, InstallationEvent.Action.UNINSTALLED),
        QUARANTINE(InstallationStatus.QUARANTINE, false, InstallationEvent.Action.QUARANTINED),
        RETIRE(InstallationStatus.RETIRED, true, InstallationEvent.Action.RETIRED);

        private final InstallationStatus status;
        private final boolean leaves;
        private final InstallationEvent.Action action;

        Change(InstallationStatus status, boolean leaves, InstallationEvent.Action action) {
            this.status = status;
            this.leaves = leaves;
            this.action = action;
        }

        public InstallationStatus status() {
            return status;
        }
    }

    private final DeviceChecks thingsee;
    private final DeviceDetailsService details;
    private final DeviceInstallations installations;
    private final InstallationJournal events;
    private final CurrentUser currentUser;
    private final BackgroundWork work;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AssetService assets;

    DeviceLifecycle(
            DeviceChecks thingsee,
            DeviceDetailsService details,
            DeviceInstallations installations,
            InstallationJournal events,
            CurrentUser currentUser,
            BackgroundWork work,
            TransactionTemplate transaction,
            Clock clock,
            AssetService assets) {
        this.assets = assets;
        this.thingsee = thingsee;
        this.details = details;
        this.installations = installations;
        this.events = events;
        this.currentUser = currentUser;
        this.work = work;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Makes the change in Thingsee and then in the portal. Returns why it failed, in words for the user (Thingsee's
     * answer), or nothing when it is done; a device the tenant does not have is a {@link NoSuchDeviceException}.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public Optional<WorkOrder.Failure> change(String tuid, Change change) {
        InstallerAccess access = currentUser.require().installerAccess();
        if (access != null && !atTheirSite(tuid)) {
            // Temporary installer access is for one site: a device elsewhere is not theirs to change (nor to read, so
            // this comes first, in words an installer in the field can act on).
            return Optional.of(new WorkOrder.Failure("work.failure.other-site", access.siteName()));
        }
        DeviceDetails device = details.find(tuid).orElseThrow(() -> new NoSuchDeviceException(tuid));
        try {
            if (change.leaves) {
                thingsee.setGroup(tuid, GroupAssignment.UNASSIGNED);
            }
            thingsee.setStatus(tuid, change.status);
        } catch (RuntimeException failure) {
            return Optional.of(ThingseeFailures.of(failure, "work.failure.gone"));
        }
        PortalUser user = currentUser.require();
        long tenantId = currentUser.tenantId();
        transaction.executeWithoutResult(status -> {
            if (change.leaves) {
                installations.recordRemoval(tuid, change.status);
            } else {
                installations.recordStatus(tuid, change.status);
            }
            events.add(
                    tenantId,
                    new InstallationEvent(
                            tuid,
                            change.action,
                            device.assetName(),
                            site(device.assetName()),
                            device.groupId(),
                            null,
                            user.subject(),
                            user.name(),
                            clock.instant()));
        });
        return Optional.empty();
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
    public CompletableFuture<Optional<WorkOrder.Failure>> changeInBackground(String tuid, Change change) {
        return work.supply(() -> change(tuid, change));
    }

    /** Whether the device is mounted at a place the user sees: for temporary installer access, within its site. */
    private boolean atTheirSite(String tuid) {
        return installations.assetOf(tuid).flatMap(assets::find).isPresent();
    }

    private static @Nullable String site(@Nullable String assetPath) {
        return assetPath == null ? null : assetPath.split(Asset.SEPARATOR, 2)[0];
    }
}
