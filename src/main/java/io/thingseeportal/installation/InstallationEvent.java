package io.thingseeportal.installation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the installation history, as it was when it happened.
 *
 * @param assetPath the asset's path then; {@code site} is its first part
 * @param replacedTuid for {@link Action#REPLACED}: the device this one replaced
 * @param doneBy the subject of who did it; {@code doneByName} their name then
 */
public record InstallationEvent(
        String tuid,
        Action action,
        @Nullable String assetPath,
        @Nullable String site,
        @Nullable String groupId,
        @Nullable String replacedTuid,
        String doneBy,
        String doneByName,
        Instant doneAt) {

    /** What happened to the device. */
    public enum Action {
        INSTALLED,
        REPLACED,
        UNINSTALLED,
        QUARANTINED,
        RETIRED;

        public String messageKey() {
            return "history.action." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
