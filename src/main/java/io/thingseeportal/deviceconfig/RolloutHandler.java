package io.thingseeportal.deviceconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.bulk.BulkHandler;
import io.thingseeportal.bulk.BulkItemContext;
import io.thingseeportal.bulk.BulkJobView;
import io.thingseeportal.bulk.CallSlot;
import io.thingseeportal.bulk.ItemOutcome;
import io.thingseeportal.device.ConfigurationCheck;
import io.thingseeportal.device.DesiredConfigurations;
import io.thingseeportal.device.DeviceDetails;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageKind;
import io.thingseeportal.device.MessageType;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a rollout's message to one device. The command is made once per device and job (stored, with the wish it
 * carries, before Thingsee hears of it); a repeated run sends it again only while it is queued or failed, with the
 * same transactionId, so a restart never sends a device's command twice once Thingsee has taken it.
 */
@Service
class RolloutHandler implements BulkHandler {

    static final String SKIP_SUPERSEDED = "rollout.skip.superseded";

    private final DeviceCommandStore store;
    private final CommandDelivery delivery;
    private final DeviceDetailsService devices;
    private final DesiredConfigurations desired;
    private final MessageCatalog catalog;
    private final ConfigurationCheck check;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final CommandChanges changes;
    private final Clock clock;

    RolloutHandler(
            DeviceCommandStore store,
            CommandDelivery delivery,
            DeviceDetailsService devices,
            DesiredConfigurations desired,
            MessageCatalog catalog,
            ConfigurationCheck check,
            TransactionTemplate transaction,
            ObjectMapper json,
            CommandChanges changes,
            Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.devices = devices;
        this.desired = desired;
        this.catalog = catalog;
        this.check = check;
        this.transaction = transaction;
        this.json = json;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return ConfigurationRollouts.KIND;
    }

    @Override
    public ItemOutcome run(BulkItemContext item, CallSlot slot) {
        long tenantId = item.tenantId();
        String tuid = item.key();
        DeviceDetails device = devices.find(tuid).orElse(null);
        if (device == null) {
            return ItemOutcome.skipped(ConfigurationRollouts.SKIP_UNKNOWN);
        }
        DeviceCommand command = store.ofJob(tenantId, item.jobId(), tuid).orElse(null);
        if (command == null) {
            command = create(item, device);
        }
        switch (command.state()) {
            case FAILED:
                long id = command.id();
                transaction.executeWithoutResult(status -> store.requeue(tenantId, id, clock.instant()));
                delivery.deliverOrThrow(tenantId, command, device.reportIntervalSeconds(), slot);
                return ItemOutcome.succeeded();
            case QUEUED:
                delivery.deliverOrThrow(tenantId, command, device.reportIntervalSeconds(), slot);
                return ItemOutcome.succeeded();
            case SUPERSEDED:
            case CANCELED:
                return ItemOutcome.skipped(SKIP_SUPERSEDED);
            default:
                // Thingsee took it on an earlier run: its echo settles it, a second send would only repeat it.
                return ItemOutcome.succeeded();
        }
    }

    /** Commands of items that were canceled before their send stay queued no longer. */
    @Override
    public void finished(BulkJobView job) {
        Set<String> canceled =
                transaction.execute(status -> store.cancelQueued(job.tenantId(), job.id(), clock.instant()));
        changes.changed(job.tenantId(), canceled == null ? Set.of() : canceled);
    }

    private DeviceCommand create(BulkItemContext item, DeviceDetails device) {
        ConfigurationRollouts.RolloutParams params = params(item);
        MessageType message = catalog.type(params.tsmId()).orElseThrow();
        Map<String, Object> values =
                check.check(params.tsmId(), params.values()).valuesToSend();
        var command = new DeviceCommandStore.NewCommand(
                device.tuid(),
                params.tsmId(),
                message.requestEvent().orElseThrow(),
                values,
                device.groupId(),
                item.jobId(),
                item.user().subject(),
                item.user().name());
        return transaction.execute(status -> {
            DeviceCommand stored = store.insert(item.tenantId(), command, clock.instant());
            if (message.kind() == MessageKind.CONFIGURATION) {
                desired.desire(device.tuid(), params.tsmId(), values);
            }
            return stored;
        });
    }

    private ConfigurationRollouts.RolloutParams params(BulkItemContext item) {
        try {
            return json.readValue(item.params(), ConfigurationRollouts.RolloutParams.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rollout " + item.jobId() + " has parameters that are not its own", e);
        }
    }
}
