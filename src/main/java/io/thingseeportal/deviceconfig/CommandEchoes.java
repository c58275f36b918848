package io.thingseeportal.deviceconfig;

import io.thingseeportal.device.DeviceRepliesReceived;
import io.thingseeportal.device.DeviceReply;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Matches the replies of the data stream to the commands they answer (REFERENCE 9.8), inside the ingest's
 * transaction: a command and the device's reported configuration change together. The stream's history keeps each
 * message once, so a duplicate never comes here; a second echo of an answered command changes nothing.
 */
@Service
class CommandEchoes {

    private final DeviceCommandStore store;

    CommandEchoes(DeviceCommandStore store) {
        this.store = store;
    }

    @EventListener
    void match(DeviceRepliesReceived received) {
        long tenantId = received.tenantId();
        for (DeviceReply reply : received.replies()) {
            store.lockByTransaction(tenantId, reply.transactionId())
                    .ifPresent(command -> EchoMatch.of(command, reply)
                            .ifPresent(
                                    outcome -> store.recordEcho(tenantId, command.id(), outcome, reply.receivedAt())));
        }
    }
}
