package io.thingseeportal.device;

import com.vaadin.flow.shared.Registration;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Live device changes for views: a view subscribes for its user's tenant and is told which devices changed, at most
 * {@link #MAX_PER_SECOND} times a second, however many messages arrive. Changes that come in between are gathered
 * into the next delivery. Deliveries run on a small pool of this class's threads: a view hands them to its UI with
 * {@code ui.access} (which runs the view's reload right there when its session is free, so one slow view must not hold
 * up the others) and removes the registration when it detaches.
 *
 * <p>Views that word times relative to now ("3 min ago") also hear when time has passed ({@link #subscribeToTime}), on
 * the same threads, so that an open screen never keeps saying "just now".
 */
@Component
public class DeviceUpdates {

    static final int MAX_PER_SECOND = 4;
    static final Duration MIN_GAP = Duration.ofMillis(1000 / MAX_PER_SECOND);
    private static final int DELIVERY_THREADS = 4;
    private static final Logger log = LoggerFactory.getLogger(DeviceUpdates.class);

    private final CurrentUser currentUser;
    private final Map<Long, Set<Subscription>> byTenant = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemon("device-updates-timer"));
    private final ExecutorService deliveries = Executors.newFixedThreadPool(DELIVERY_THREADS, daemon("device-updates"));
    private final AtomicInteger timeSubscriptions = new AtomicInteger();
    private final Duration timeRefresh;

    DeviceUpdates(CurrentUser currentUser, DevicesProperties properties) {
        this.currentUser = currentUser;
        this.timeRefresh = properties.timeRefresh();
    }

    /** Tells {@code listener} which of the signed-in user's tenant's devices changed, until the registration is removed. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public Registration subscribe(Consumer<Set<String>> listener) {
        return register(new Subscription(null, false, (tuids, commands) -> listener.accept(tuids)));
    }

    /**
     * Tells {@code listener} which of the signed-in user's tenant's devices had their commands changed (see {@link
     * DeviceStateChanged#commandsChanged}), until the registration is removed. The devices' reports alone never wake
     * it up, so a view of commands reads nothing while the fleet reports and no command changes.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public Registration subscribeToCommands(Consumer<Set<String>> listener) {
        return register(new Subscription(null, true, (tuids, commands) -> listener.accept(tuids)));
    }

    /**
     * Tells {@code listener} when one device of the signed-in user's tenant changed, at most {@link #MAX_PER_SECOND}
     * times a second, until the registration is removed. Changes of other devices never wake it up, so a device page
     * costs nothing while the rest of the fleet reports, and a change of its device is delivered at once unless the
     * previous delivery was less than {@link #MIN_GAP} ago.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public Registration subscribe(String tuid, Runnable listener) {
        return subscribeWithCommands(tuid, commandsChanged -> listener.run());
    }

    /**
     * As {@link #subscribe(String, Runnable)}, and the listener learns whether the changes gathered into a delivery
     * include a change of the device's commands, so that a page reads its commands only then.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public Registration subscribeWithCommands(String tuid, DeviceListener listener) {
        return register(new Subscription(tuid, false, (tuids, commands) -> listener.changed(commands)));
    }

    /** Told of the changes of one device. */
    @FunctionalInterface
    public interface DeviceListener {

        /** @param commandsChanged whether the device's commands changed too, not only its state */
        void changed(boolean commandsChanged);
    }

    private Registration register(Subscription subscription) {
        long tenantId = currentUser.tenantId();
        // Added inside compute: a registration removed meanwhile drops the tenant's set only while it is empty, and
        // never between finding the set and adding to it, which would leave this subscription in a dropped set.
        byTenant.compute(tenantId, (id, subscriptions) -> {
            Set<Subscription> set = subscriptions == null ? new CopyOnWriteArraySet<>() : subscriptions;
            set.add(subscription);
            return set;
        });
        return () -> {
            byTenant.computeIfPresent(tenantId, (id, subscriptions) -> {
                subscriptions.remove(subscription);
                return subscriptions.isEmpty() ? null : subscriptions;
            });
            subscription.cancel();
        };
    }

    /**
     * Runs {@code listener} every {@code portal.devices.time-refresh} (a minute), first one period from now, until the
     * registration is removed. Each subscription keeps its own beat, so that the views of many users are not all
     * refreshed at the same moment.
     */
    public Registration subscribeToTime(Runnable listener) {
        var removed = new AtomicBoolean();
        Runnable deliver = () -> {
            // A beat already handed to the pool when the view detached is dropped here.
            if (removed.get()) {
                return;
            }
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A live device view failed on a time refresh: {}", e.toString());
            }
        };
        long period = timeRefresh.toNanos();
        ScheduledFuture<?> beat =
                timer.scheduleAtFixedRate(() -> deliveries.execute(deliver), period, period, TimeUnit.NANOSECONDS);
        timeSubscriptions.incrementAndGet();
        return () -> {
            if (removed.compareAndSet(false, true)) {
                beat.cancel(false);
                timeSubscriptions.decrementAndGet();
            }
        };
    }

    @EventListener
    void on(DeviceStateChanged change) {
        Set<Subscription> subscriptions = byTenant.get(change.tenantId());
        if (subscriptions != null) {
            subscriptions.forEach(subscription -> subscription.offer(change));
        }
    }

    /** Subscriptions alive now, of all tenants: a view that detached has none left. */
    int subscriptionCount() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }

    /** Time subscriptions alive now. */
    int timeSubscriptionCount() {
        return timeSubscriptions.get();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        deliveries.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private final class Subscription {

        /** The one device this subscription follows, or null for all of the tenant's. */
        private final @Nullable String device;

        /** Whether only changes of commands concern it. */
        private final boolean commandsOnly;

        /** Takes the devices changed, and whether their commands did. */
        private final BiConsumer<Set<String>, Boolean> listener;

        private Set<String> pending = new HashSet<>();
        private boolean pendingCommands;
        private boolean scheduled;
        private boolean cancelled;
        private long lastDelivery = System.nanoTime() - MIN_GAP.toNanos();

        Subscription(@Nullable String device, boolean commandsOnly, BiConsumer<Set<String>, Boolean> listener) {
            this.device = device;
            this.commandsOnly = commandsOnly;
            this.listener = listener;
        }

        synchronized void offer(DeviceStateChanged change) {
            if (cancelled || (commandsOnly && !change.commandsChanged())) {
                return;
            }
            if (device == null) {
                pending.addAll(change.tuids());
            } else if (change.tuids().contains(device)) {
                pending.add(device);
            } else {
                return;
            }
            pendingCommands |= change.commandsChanged();
            if (!scheduled) {
                scheduled = true;
                long wait = Math.max(0, lastDelivery + MIN_GAP.toNanos() - System.nanoTime());
                timer.schedule(() -> deliveries.execute(this::deliver), wait, TimeUnit.NANOSECONDS);
            }
        }

        private void deliver() {
            Set<String> tuids;
            boolean commands;
            synchronized (this) {
                scheduled = false;
                if (cancelled || pending.isEmpty()) {
                    return;
                }
                tuids = pending;
                commands = pendingCommands;
                pending = new HashSet<>();
                pendingCommands = false;
                lastDelivery = System.nanoTime();
            }
            try {
                listener.accept(Set.copyOf(tuids), commands);
            } catch (RuntimeException e) {
                log.warn("A live device view failed on an update: {}", e.toString());
            }
        }

        synchronized void cancel() {
            cancelled = true;
            pending = new HashSet<>();
            pendingCommands = false;
        }
    }
}
