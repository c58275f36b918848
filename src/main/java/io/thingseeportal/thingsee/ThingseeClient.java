package io.thingseeportal.thingsee;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Thingsee Open Services API, as the portal needs it. Every call names the tenant's {@link ThingseeStack}; the
 * implementation signs in with its credentials (and keeps the token) by itself.
 *
 * <p>Calls block until Thingsee answers or the configured timeouts and retries are spent; do not call them on a UI
 * thread. Failures are {@link ThingseeException}s: {@link ThingseeException.NotFound} for a device or group that is
 * not in the stack, {@link ThingseeException.Conflict}, {@link ThingseeException.InvalidRequest},
 * {@link ThingseeException.BadCredentials}, {@link ThingseeException.RateLimited} and
 * {@link ThingseeException.Unavailable}.
 */
public interface ThingseeClient {

    /**
     * Signs in with the stack's credentials ({@code POST /auth/client-token}), always afresh, to test them.
     *
     * @throws ThingseeException.BadCredentials when Thingsee refuses them, {@link ThingseeException.Unavailable} when
     *     it cannot be reached or answers otherwise
     */
    void checkCredentials(ThingseeStack stack);

    /** All deployment groups of the stack ({@code GET /groups}). */
    List<ThingseeGroup> listGroups(ThingseeStack stack);

    /** Creates a group ({@code POST /groups}); the id is the full id including its 6-character prefix. */
    ThingseeGroup createGroup(ThingseeStack stack, String groupId, @Nullable String description);

    /** Gives a group a new full id ({@code POST /groups/{id}/rename}). */
    ThingseeGroup renameGroup(ThingseeStack stack, String groupId, String newGroupId);

    /** Deletes a group ({@code DELETE /groups/{id}}); its devices are not moved by Thingsee. */
    void deleteGroup(ThingseeStack stack, String groupId);

    /** The TUIDs of a group's devices ({@code GET /groups/{id}/things}). */
    List<String> listGroupDevices(ThingseeStack stack, String groupId);

    /** Battery, last seen, location, gateway and firmware of a device ({@code GET /things/{tuid}}). */
    DeviceInfo getDevice(ThingseeStack stack, String tuid);

    /** The device's current installation status: the newest history entry, empty when it has none. */
    Optional<InstallationRecord> getInstallationStatus(ThingseeStack stack, String tuid);

    /** The device's installation history, newest first ({@code GET /things/{tuid}/installations}). */
    List<InstallationRecord> getInstallationHistory(ThingseeStack stack, String tuid, int limit);

    /**
     * Sets the installation status ({@code POST /things/{tuid}/installations}). After a failure whose outcome is unknown
     * (no answer in time) it asks for the status ({@code GET …/installations?limit=1}) before it sends it again.
     */
    InstallationRecord setInstallationStatus(ThingseeStack stack, String tuid, InstallationStatus status);

    /** The device's deployment group ({@code GET /things/{tuid}/group}). */
    GroupAssignment getDeviceGroup(ThingseeStack stack, String tuid);

    /** Moves the device to a group, or out of it with {@link GroupAssignment#UNASSIGNED}; retried safely. */
    GroupAssignment setDeviceGroup(ThingseeStack stack, String tuid, String groupId);

    /**
     * Sends configuration or command messages to a device ({@code POST /things/{tuid}/commands}). Each message must
     * carry its {@code transactionId}: a retried send repeats it, so the device's echo still matches.
     */
    CommandReceipt sendCommands(ThingseeStack stack, String tuid, List<ThingseeMessage> commands);

    /** The device's recent messages ({@code GET /things/{tuid}/messages}). */
    List<ThingseeMessage> getMessages(ThingseeStack stack, String tuid, MessageQuery query);
}
