package io.thingseeportal.deviceconfig;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times out the commands whose echo did not come by their deadline (REFERENCE 9.9), in batches, each in a transaction
 * of its own; several nodes may sweep at once and each command still times out once. The views hear of it as a
 * change of the devices' commands.
 */
@Service
class CommandTimeouts {

    static final int BATCH = 500;

    private final DeviceCommandStore store;
    private final TransactionTemplate transaction;
    private final CommandChanges changes;
    private final Clock clock;

    CommandTimeouts(DeviceCommandStore store, TransactionTemplate transaction, CommandChanges changes, Clock clock) {
        this.store = store;
        this.transaction = transaction;
        this.changes = changes;
        this.clock = clock;
    }

    /** Times out every command past its deadline now; returns how many. System work: no user is signed in. */
    int timeOutDue() {
        int total = 0;
        while (true) {
            List<DeviceCommandStore.TimedOut> batch =
                    transaction.execute(status -> store.timeOut(clock.instant(), BATCH));
            if (batch == null || batch.isEmpty()) {
                return total;
            }
            total += batch.size();
            Map<Long, Set<String>> byTenant = batch.stream()
                    .collect(Collectors.groupingBy(
                            DeviceCommandStore.TimedOut::tenantId,
                            Collectors.mapping(DeviceCommandStore.TimedOut::tuid, Collectors.toSet())));
            byTenant.forEach(changes::changed);
            if (batch.size() < BATCH) {
                return total;
            }
        }
    }
}
