package io.thingseeportal.thingsee.mqtt;

import io.thingseeportal.thingsee.ConfiguredStream;
import io.thingseeportal.thingsee.StreamSettingsChanged;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The tenants' data streams, one MQTT connection each, as the database says ({@link ConfiguredStream}): started with
 * the portal and stopped before anything they hand messages to (the default phase of a {@link SmartLifecycle} is the
 * last to start and the first to stop). A stream whose settings change is reconnected with the new ones, one that is
 * switched off or removed is stopped, and a new one started: at once when an operator on this node saved them
 * ({@link StreamSettingsChanged}), else at the next check.
 */
class ThingseeMqttSubscriber implements SmartLifecycle {

    /** Opens a tenant's stream with the given settings, not yet started. */
    interface Opener {
        TenantStream open(String tenant, ThingseeProperties.Stream settings) throws MqttException;
    }

    private record Running(ThingseeProperties.Stream settings, TenantStream stream) {}

    private static final Logger log = LoggerFactory.getLogger(ThingseeMqttSubscriber.class);

    private final Supplier<List<ConfiguredStream>> configured;
    private final Opener opener;
    private final Duration checkEvery;
    private final Map<String, Running> streams = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService checker;
    private volatile boolean running;
    private volatile boolean settingsRead;

    ThingseeMqttSubscriber(Supplier<List<ConfiguredStream>> configured, Opener opener, Duration checkEvery) {
        this.configured = configured;
        this.opener = opener;
        this.checkEvery = checkEvery;
    }

    @Override
    public void start() {
        running = true;
        ScheduledExecutorService check = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "thingsee-stream-settings");
            thread.setDaemon(true);
            return thread;
        });
        checker = check;
        reconcile();
        check.scheduleWithFixedDelay(
                this::reconcile, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService check = checker;
        if (check != null) {
            // Not interrupted: a reconnect under way finishes (its old connection closed) before the streams stop.
            check.shutdown();
        }
        synchronized (this) {
            streams.values().parallelStream()
                    .forEach(running -> running.stream().stop());
            streams.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** An operator on this node changed a tenant's stream: reconnect now rather than at the next check. */
    @TransactionalEventListener(fallbackExecution = true)
    void settingsChanged(StreamSettingsChanged changed) {
        ScheduledExecutorService check = checker;
        if (running && check != null) {
            try {
                check.execute(this::reconcile);
            } catch (RejectedExecutionException stopping) {
                log.debug("Stopping: the change of {}'s stream is not applied", changed.tenantSlug());
            }
        }
    }

    /** Brings the running streams in line with the settings. */
    synchronized void reconcile() {
        if (!running) {
            return;
        }
        List<ConfiguredStream> wanted;
        try {
            wanted = configured.get();
        } catch (RuntimeException e) {
            log.warn("Reading the data stream settings failed; the streams stay as they are: {}", e.getMessage());
            return;
        }
        try {
            apply(wanted);
        } finally {
            settingsRead = true;
        }
    }

    private void apply(List<ConfiguredStream> wanted) {
        Map<String, ConfiguredStream> byTenant =
                wanted.stream().collect(Collectors.toMap(ConfiguredStream::tenant, Function.identity()));
        for (String tenant : List.copyOf(streams.keySet())) {
            ConfiguredStream next = byTenant.get(tenant);
            if (next == null) {
                // Switched off or gone: leave the subscriptions, so that the broker stops keeping its messages.
                streams.remove(tenant).stream().stop(List.of());
                log.info("Tenant '{}': data stream stopped, it is switched off", tenant);
            } else if (next.stream() == null) {
                // Unusable (a password that does not open after a key change, say): stop, but keep the session and
                // its subscriptions, so that nothing published meanwhile is lost once the settings are mended.
                streams.remove(tenant).stream().stop();
                log.info("Tenant '{}': data stream stopped, its settings cannot be used", tenant);
            }
        }
        problems.keySet().retainAll(byTenant.keySet());
        for (ConfiguredStream next : wanted) {
            if (!running) {
                return;
            }
            if (next.stream() == null) {
                problem(next.tenant(), Objects.requireNonNullElse(next.problem(), "unusable settings"));
            } else {
                run(next.tenant(), next.stream());
            }
        }
    }

    private void run(String tenant, ThingseeProperties.Stream settings) {
        Running current = streams.get(tenant);
        if (current != null && current.settings().equals(settings)) {
            return;
        }
        if (current != null) {
            log.info("Tenant '{}': data stream settings changed, reconnecting", tenant);
            boolean sameBroker = current.settings().brokerUrl().equals(settings.brokerUrl());
            current.stream().stop(sameBroker ? StreamSubscriptions.filters(settings) : List.of());
            streams.remove(tenant);
        }
        try {
            TenantStream stream = opener.open(tenant, settings);
            stream.start();
            streams.put(tenant, new Running(settings, stream));
            problems.remove(tenant);
        } catch (MqttException | RuntimeException e) {
            problem(tenant, String.valueOf(e.getMessage()));
        }
    }

    private void problem(String tenant, String problem) {
        if (!problem.equals(problems.put(tenant, problem))) {
            log.warn("Tenant '{}': its data stream settings cannot be used: {}", tenant, problem);
        }
    }

    /**
     * Whether the settings were read once since the start: before that, no stream runs yet that should, and the health
     * must not say that every stream is up.
     */
    boolean settingsRead() {
        return settingsRead;
    }

    List<StreamState> states() {
        List<StreamState> states = new ArrayList<>(streams.values().stream()
                .map(running -> running.stream().state())
                .toList());
        problems.forEach((tenant, problem) -> states.add(StreamState.unusable(tenant, problem)));
        states.sort(java.util.Comparator.comparing(StreamState::tenant));
        return states;
    }

    List<TenantStream> streams() {
        return streams.values().stream().map(Running::stream).toList();
    }
}
