package io.thingseeportal.deviceconfig;

import io.thingseeportal.bulk.CallSlot;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeStacks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a stored command to Thingsee ({@code POST /things/{tuid}/commands}) and records the answer: {@code SENT} with
 * its echo deadline, and older commands of the same device and message superseded; or {@code FAILED} with Thingsee's
 * words. The call runs outside any transaction. Runs as the signed-in user, whose tenant's stack it calls.
 */
@Service
class CommandDelivery {

    private final DeviceCommandStore store;
    private final ThingseeClient thingsee;
    private final ThingseeStacks stacks;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final CommandChanges changes;
    private final CommandsProperties properties;
    private final TenantService tenants;
    private final Clock clock;

    CommandDelivery(
            DeviceCommandStore store,
            ThingseeClient thingsee,
            ThingseeStacks stacks,
            CurrentUser currentUser,
            TransactionTemplate transaction,
            CommandChanges changes,
            CommandsProperties properties,
            TenantService tenants,
            Clock clock) {
        this.store = store;
        this.thingsee = thingsee;
        this.stacks = stacks;
        this.currentUser = currentUser;
        this.transaction = transaction;
        this.changes = changes;
        this.properties = properties;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * @param reportIntervalSeconds the device's last known report interval, for its echo deadline (REFERENCE 9.9)
     */
    DeviceCommand deliver(long tenantId, DeviceCommand command, @Nullable Integer reportIntervalSeconds) {
        try {
            deliverOrThrow(tenantId, command, reportIntervalSeconds, CallSlot.unlimited());
        } catch (ThingseeException refused) {
            // Marked failed, with Thingsee's words.
        }
        return store.find(tenantId, command.id()).orElseThrow();
    }

    /**
     * As {@link #deliver}, but Thingsee's refusal is thrown after the command is marked failed, so that the bulk
     * engine can tell a rate limit or an unavailable Thingsee (worth another try) from a refusal. Returns nothing, so
     * that a rollout's item does not read its command again.
     *
     * @param slot how the call reaches Thingsee: a bulk item's slot limits its tenant's calls at once, a single
     *     send's does not
     */
    void deliverOrThrow(long tenantId, DeviceCommand command, @Nullable Integer reportIntervalSeconds, CallSlot slot) {
        String slug = Objects.requireNonNull(currentUser.require().tenantSlug(), "tenant users have a slug");
        Duration echoWindow = echoWindow(tenants.currentSettings().echoDeadlineMinutes(), reportIntervalSeconds);
        try {
            slot.run(() -> thingsee.sendCommands(stacks.require(slug), command.tuid(), List.of(message(command))));
        } catch (ThingseeException refused) {
            fail(tenantId, command, refused.getMessage());
            throw refused;
        } catch (RuntimeException unexpected) {
            fail(
                    tenantId,
                    command,
                    "The portal could not send it: " + unexpected.getClass().getSimpleName());
            throw unexpected;
        }
        Instant sentAt = clock.instant();
        transaction.executeWithoutResult(status -> {
            store.markSent(tenantId, command.id(), sentAt, sentAt.plus(echoWindow));
            store.supersedeOlder(tenantId, command, sentAt);
        });
        changes.changed(tenantId, Set.of(command.tuid()));
    }

    /**
     * The larger of the tenant's wait (or else the portal's) and the configured number of report intervals.
     *
     * @param tenantMinutes the tenant's own echo deadline, if its admin set one
     */
    Duration echoWindow(@Nullable Integer tenantMinutes, @Nullable Integer reportIntervalSeconds) {
        Duration minimum = tenantMinutes == null ? properties.echoDeadline() : Duration.ofMinutes(tenantMinutes);
        if (reportIntervalSeconds == null || reportIntervalSeconds <= 0) {
            return minimum;
        }
        Duration intervals =
                Duration.ofSeconds(reportIntervalSeconds).multipliedBy(properties.echoDeadlineReportIntervals());
        return intervals.compareTo(minimum) > 0 ? intervals : minimum;
    }

    /** The message as Thingsee takes it: header, transactionId, then the message's own fields. */
    static ThingseeMessage message(DeviceCommand command) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tsmId", command.tsmId());
        fields.put("tsmEv", command.tsmEv());
        fields.put("transactionId", command.transactionId());
        fields.putAll(command.request());
        return new ThingseeMessage(fields);
    }

    private void fail(long tenantId, DeviceCommand command, @Nullable String reason) {
        String failure = reason == null || reason.isBlank() ? "Thingsee did not take the command" : reason;
        transaction.executeWithoutResult(status -> store.markFailed(
                tenantId,
                command.id(),
                failure.length() > 1000 ? failure.substring(0, 1000) : failure,
                clock.instant()));
        changes.changed(tenantId, Set.of(command.tuid()));
    }
}
