package io.thingseeportal.device;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event once what it tells of is committed: after the running transaction's commit, or at once when none
 * runs (the caller committed its own). The live views hear only of changes that a reload would show.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void publish(ApplicationEventPublisher events, Object event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(event);
            }
        });
    }
}
