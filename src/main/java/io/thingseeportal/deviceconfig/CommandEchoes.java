package io.thingseeportal.deviceconfig;

import io.thingseeportal.device.DeviceRepliesReceived;
import io.thingseeportal.device.DeviceReply;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Matches the replies of the data stream to the commands they answer (REFERENCE 9.8), inside the ingest's
 * transaction: a command and the device's reported configuration change together. The stream's history keeps each
 * message once, so a duplicate never comes here; a second echo of an answered command changes nothing. The views hear
 * of the commands answered after the commit.
 */
@Service
class CommandEchoes {

    private final DeviceCommandStore store;
    private final CommandChanges changes;

    CommandEchoes(DeviceCommandStore store, CommandChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventListener
    void match(DeviceRepliesReceived received) {
        long tenantId = received.tenantId();
        Set<String> answered = new HashSet<>();
        for (DeviceReply reply : received.replies()) {
            store.lockByTransaction(tenantId, reply.transactionId())
                    .ifPresent(command -> EchoMatch.of(command, reply).ifPresent(outcome -> {
                        store.recordEcho(tenantId, command.id(), outcome, reply.receivedAt());
                        answered.add(command.tuid());
                    }));
        }
        changes.changed(tenantId, answered);
    }
}
