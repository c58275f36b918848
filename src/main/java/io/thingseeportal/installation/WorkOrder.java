package io.thingseeportal.installation;

import io.thingseeportal.device.ProductType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One installation, as far as it has come. It is kept on the server after every step, so that a phone that sleeps, a
 * signal that drops or a Thingsee call that fails loses nothing: the installer (on any phone) resumes where it stopped.
 *
 * @param installer the installer's subject; {@code installerName} is their name as it was then
 * @param replacesTuid the installed device this one replaces, which Thingsee is told to uninstall first
 * @param batteryLevel what Thingsee said of the device when it was scanned ({@code GET /things/{tuid}})
 * @param previousGroupId where an already installed device is: its group in Thingsee ({@code unassigned} for none)
 * @param previousAsset where an already installed device is: its asset in the portal, as a path
 * @param asset the asset chosen, as a path, with {@code assetId}
 * @param done the calls that succeeded, never made again
 * @param failure why the last attempt at the current step failed, until it is retried
 */
public record WorkOrder(
        long id,
        String tuid,
        String installer,
        String installerName,
        Step step,
        @Nullable String replacesTuid,
        @Nullable Integer batteryLevel,
        @Nullable Instant lastSeen,
        @Nullable String previousGroupId,
        @Nullable Long previousAssetId,
        @Nullable String previousAsset,
        @Nullable Long assetId,
        @Nullable String asset,
        @Nullable String groupId,
        @Nullable Double latitude,
        @Nullable Double longitude,
        boolean hasPhoto,
        Set<Call> done,
        @Nullable Failure failure,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {

    public WorkOrder {
        done = Set.copyOf(done);
    }

    /** Where a work order is. */
    public enum Step {
        /** Scanned: the device's details and status are being asked from Thingsee (or asking failed). */
        CHECKING,
        /** Thingsee has the device installed already: re-install, replace or cancel. */
        ALREADY_INSTALLED,
        /** Replacing the scanned device: waiting for the new one to be scanned. */
        REPLACEMENT,
        ASSET,
        GROUP,
        CONFIRM,
        DONE,
        CANCELLED;

        public boolean isOpen() {
            return this != DONE && this != CANCELLED;
        }
    }

    /** The calls that a confirmation makes, in this order; a replacement starts with the old device's two. */
    public enum Call {
        OLD_UNASSIGNED,
        OLD_UNINSTALLED,
        INSTALLED,
        GROUPED,
        LINKED
    }

    /**
     * Why a step failed.
     *
     * @param messageKey the translation key of the reason, in words for the installer
     * @param detail what Thingsee said, if anything (its message, or the status and reason)
     */
    public record Failure(String messageKey, String detail) {}

    /** The calls a confirmation of this work order makes, in order. */
    public List<Call> calls() {
        return replacesTuid == null
                ? List.of(Call.INSTALLED, Call.GROUPED, Call.LINKED)
                : List.of(Call.OLD_UNASSIGNED, Call.OLD_UNINSTALLED, Call.INSTALLED, Call.GROUPED, Call.LINKED);
    }

    /** This work order with its assets' paths, which the store leaves out. */
    WorkOrder withAssetPaths(@Nullable String previousAssetPath, @Nullable String assetPath) {
        return new WorkOrder(
                id,
                tuid,
                installer,
                installerName,
                step,
                replacesTuid,
                batteryLevel,
                lastSeen,
                previousGroupId,
                previousAssetId,
                previousAssetPath,
                assetId,
                assetPath,
                groupId,
                latitude,
                longitude,
                hasPhoto,
                done,
                failure,
                createdAt,
                updatedAt,
                finishedAt);
    }

    public Optional<ProductType> product() {
        return ProductType.ofTuid(tuid);
    }
}
