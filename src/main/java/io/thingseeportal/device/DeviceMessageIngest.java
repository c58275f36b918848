package io.thingseeportal.device;

import io.thingseeportal.security.SignInTenants;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes each batch of a tenant's data stream into the database in one transaction: unknown devices are added, every
 * message goes into the history once, and the device rows, newest values and reported configurations take what is
 * newer than what they have. After the commit it publishes {@link DeviceStateChanged}.
 *
 * <p>System work without a signed-in user: the tenant is the one whose stream delivered the batch, and every statement
 * is scoped to it. Delivery is at least once, so a message the history has already changes nothing. Input that can
 * never be stored (an unknown tenant or tsmId, a broken header) is counted as rejected and skipped rather than thrown,
 * since a throwing listener makes the subscriber offer the same batch again.
 */
@Service
public class DeviceMessageIngest {

    private static final Set<Integer> NOT_DATA_EVENTS = Set.of(31, 33, 36);
    private static final Duration UNKNOWN_TENANT_RECHECK = Duration.ofMinutes(1);

    private final DeviceStateStore store;
    private final SignInTenants tenants;
    private final MessageCatalog catalog;
    private final StreamRejections rejections;
    private final ApplicationEventPublisher events;
    private final IncomingMessageCheck check;
    private final DesiredConfigurations desired;
    private final DeviceStateFold fold;
    private final Clock clock;
    private final Map<String, Long> tenantIds = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknownTenants = new ConcurrentHashMap<>();

    DeviceMessageIngest(
            DeviceStateStore store,
            SignInTenants tenants,
            MessageCatalog catalog,
            StreamRejections rejections,
            ApplicationEventPublisher events,
            DevicesProperties properties,
            DesiredConfigurations desired,
            Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.catalog = catalog;
        this.rejections = rejections;
        this.events = events;
        this.check = new IncomingMessageCheck(catalog, rejections, properties.maxClockSkew());
        this.desired = desired;
        this.fold = new DeviceStateFold(properties.defaultReportInterval(), properties.staleAfterReports());
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void ingest(ThingseeMessagesReceived batch) {
        Optional<Long> tenant = tenantId(batch.tenant());
        if (tenant.isEmpty()) {
            rejections.reject(
                    batch.tenant(),
                    StreamRejections.UNKNOWN_TENANT,
                    batch.messages().size() + " messages for a tenant the portal has not");
            return;
        }
        long tenantId = tenant.get();
        List<IncomingMessage> messages = check.usable(batch);
        if (messages.isEmpty()) {
            return;
        }
        List<String> tuids = List.copyOf(
                new TreeSet<>(messages.stream().map(IncomingMessage::tuid).toList()));
        Map<String, DeviceState> states = store.lock(tenantId, tuids);
        if (states.size() < tuids.size()) {
            List<String> unknown =
                    tuids.stream().filter(tuid -> !states.containsKey(tuid)).toList();
            store.addUnknownDevices(tenantId, unknown, clock.instant());
            states.putAll(store.lock(tenantId, unknown));
        }
        boolean[] added = store.addToHistory(tenantId, messages);
        List<IncomingMessage> fresh = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (added[i]) {
                fresh.add(messages.get(i));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, List<IncomingMessage>> byDevice = fresh.stream()
                .sorted(IncomingMessage.BY_TIME)
                .collect(Collectors.groupingBy(IncomingMessage::tuid, TreeMap::new, Collectors.toList()));
        Map<String, Instant> intervalsAt = store.intervalsReportedAt(
                tenantId,
                fresh.stream()
                        .filter(message -> message.tsmId() == DeviceStateFold.INTERVALS)
                        .map(IncomingMessage::tuid)
                        .collect(Collectors.toSet()));
        List<DeviceState> changed = new ArrayList<>();
        byDevice.forEach((tuid, own) -> {
            DeviceState state = states.get(tuid);
            if (state != null) {
                DeviceState next = fold.fold(state, own, intervalsAt.get(tuid));
                if (!next.equals(state)) {
                    changed.add(next);
                }
            }
        });
        store.update(tenantId, changed);
        store.putValues(tenantId, newestPerMessageId(fresh, this::isDataValue));
        List<IncomingMessage> configurations = newestPerMessageId(fresh, IncomingMessage::isReportedConfiguration);
        store.putConfigurations(tenantId, configurations);
        desired.refreshDrift(
                tenantId, configurations.stream().map(IncomingMessage::tuid).collect(Collectors.toSet()));
        List<DeviceReply> replies = fresh.stream()
                .filter(message -> message.transactionId() != null)
                .sorted(IncomingMessage.BY_TIME)
                .map(IncomingMessage::reply)
                .toList();
        if (!replies.isEmpty()) {
            // In this transaction: the commands these answer change with the reported configuration, or not at all.
            events.publishEvent(new DeviceRepliesReceived(tenantId, replies));
        }
        AfterCommit.publish(events, new DeviceStateChanged(tenantId, byDevice.keySet()));
    }

    private Optional<Long> tenantId(String slug) {
        Long known = tenantIds.get(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Instant now = clock.instant();
        Instant unknownUntil = unknownTenants.get(slug);
        if (unknownUntil != null && now.isBefore(unknownUntil)) {
            return Optional.empty();
        }
        // A slug not found is asked for again a minute later: the tenant may have been added meanwhile.
        Optional<Long> found = tenants.findForSignIn(slug).map(SignInTenants.SignInTenant::id);
        found.ifPresentOrElse(
                id -> tenantIds.put(slug, id), () -> unknownTenants.put(slug, now.plus(UNKNOWN_TENANT_RECHECK)));
        return found;
    }

    private boolean isDataValue(IncomingMessage message) {
        return !NOT_DATA_EVENTS.contains(message.tsmEv())
                && catalog.type(message.tsmId())
                        .map(type -> type.kind() == MessageKind.DATA)
                        .orElse(false);
    }

    /** Of each device's messages of one tsmId that pass the filter, the newest: each row is written once a batch. */
    private static List<IncomingMessage> newestPerMessageId(
            List<IncomingMessage> messages, java.util.function.Predicate<IncomingMessage> filter) {
        Map<OfDevice, IncomingMessage> newest = new LinkedHashMap<>();
        for (IncomingMessage message : messages) {
            if (filter.test(message)) {
                newest.merge(
                        new OfDevice(message.tuid(), message.tsmId()),
                        message,
                        (one, other) -> IncomingMessage.BY_TIME.compare(one, other) >= 0 ? one : other);
            }
        }
        return List.copyOf(newest.values());
    }

    /** One message id of one device. */
    private record OfDevice(String tuid, int tsmId) {}
}
