package io.thingseeportal.thingsee.mqtt;

import io.micrometer.core.instrument.Counter;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's data stream: a Paho connection of its own, whose every message is the tenant's. Paho's thread only
 * checks the size and queues the message; the {@link BatchWorker} does the rest and acknowledges after the features
 * committed.
 *
 * <p>The session is persistent (clean start off, a session expiry) and the subscriptions QoS 1, so the broker keeps
 * what is published while the portal is away, and what it delivered but never saw acknowledged, and delivers it on
 * reconnect. Connecting is retried with a growing delay from the first attempt on, so the portal starts while the
 * broker is down; a subscription the broker refuses or does not answer is retried the same way.
 */
class TenantStream implements MqttCallback {

    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TenantStream.class);
    private static final Duration FIRST_RETRY = StreamConnector.FIRST_RETRY;

    private final String tenant;
    private final ThingseeProperties.Stream settings;
    private final MqttProperties node;
    private final StreamRejections rejections;
    private final Counter received;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final BatchWorker worker;
    private final Thread workerThread;
    private final StreamConnector connector;
    private final AtomicLong connection = new AtomicLong();
    private volatile boolean running;
    private volatile boolean subscribed;
    private volatile @Nullable Instant lastMessageAt;
    private volatile Duration connectDelay = FIRST_RETRY;
    private volatile Duration subscribeDelay = FIRST_RETRY;

    TenantStream(
            String tenant,
            ThingseeProperties.Stream settings,
            MqttProperties node,
            String clientId,
            StreamParts parts,
            BatchWorker.Settings batching)
            throws MqttException {
        this.tenant = tenant;
        this.settings = settings;
        this.node = node;
        this.rejections = parts.rejections();
        this.clock = parts.clock();
        this.received = Counter.builder("thingsee.stream.messages")
                .description("MQTT messages received on the tenants' data streams")
                .tag("tenant", tenant)
                .register(parts.meters());
        this.client = new MqttAsyncClient(settings.brokerUrl().toString(), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
        this.worker = new BatchWorker(
                tenant,
                new TopicFilters(settings.topicFilters()),
                parts.parser(),
                parts.events(),
                rejections,
                this::acknowledge,
                batching);
        this.workerThread = new Thread(worker, "thingsee-stream-" + tenant);
        this.connector = new StreamConnector(tenant, node.maxReconnectDelay());
    }

    String tenant() {
        return tenant;
    }

    String clientId() {
        return client.getClientId();
    }

    void start() {
        running = true;
        workerThread.start();
        connector.execute(this::connect);
    }

    /** Stops taking messages, then disconnects; what was not acknowledged, the broker delivers again next time. */
    void stop() {
        stop(subscriptionFilters());
    }

    /**
     * Stops as {@link #stop()} does, and first leaves the subscriptions that the stream's next settings do not have,
     * so that the broker's session stops collecting their messages.
     *
     * @param nextFilters the subscriptions (as {@link #subscriptionFilters()} names them) of the connection that takes
     *     over at this broker; none when no connection does
     */
    void stop(List<String> nextFilters) {
        running = false;
        connector.stop();
        workerThread.interrupt();
        try {
            workerThread.join(node.connectTimeout().toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.incrementAndGet();
        leave(StreamSubscriptions.dropped(subscriptionFilters(), nextFilters));
        long timeout = node.connectTimeout().toMillis();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(timeout);
            } else {
                // A connect may be under way (a broker that is slow to answer): end it, so that it cannot resume the
                // session beside the connection that takes over with the same client id.
                client.disconnectForcibly(0, timeout, false);
            }
        } catch (MqttException e) {
            log.debug("Tenant '{}': MQTT disconnect at the stop failed: {}", tenant, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.warn("Tenant '{}': the MQTT client could not be closed: {}", tenant, e.getMessage());
        }
    }

    private void leave(List<String> filters) {
        if (filters.isEmpty() || !client.isConnected()) {
            return;
        }
        try {
            client.unsubscribe(filters.toArray(String[]::new))
                    .waitForCompletion(node.connectTimeout().toMillis());
            log.info("Tenant '{}': left {}", tenant, filters);
        } catch (MqttException e) {
            log.warn("Tenant '{}': leaving {} failed: {}", tenant, filters, e.getMessage());
        }
    }

    StreamState state() {
        return new StreamState(
                tenant,
                settings.brokerUrl().toString(),
                client.isConnected(),
                subscribed && client.isConnected(),
                lastMessageAt,
                worker.depth(),
                null);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    private void connect() {
        if (!running || client.isConnected()) {
            return;
        }
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    connectDelay = FIRST_RETRY;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retryConnect(failure);
                }
            });
        } catch (MqttException e) {
            retryConnect(e);
        }
    }

    /** Until the first connection succeeds; after it, Paho's automatic reconnect takes over. */
    private void retryConnect(Throwable failure) {
        if (!running) {
            return;
        }
        log.warn(
                "Tenant '{}': MQTT connection to {} failed ({}); next attempt in {}",
                tenant,
                settings.brokerUrl(),
                failure.getMessage(),
                connectDelay);
        schedule(this::connect, connectDelay);
        connectDelay = connector.doubled(connectDelay);
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = PahoOptions.of(settings, node);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(node.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay((int) FIRST_RETRY.toSeconds(), (int)
                Math.max(1, node.maxReconnectDelay().toSeconds()));
        return options;
    }

    /** After every (re)connect: subscribing again is harmless when the broker kept the session, and needed if not. */
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        log.info("Tenant '{}': MQTT {} to {}", tenant, reconnect ? "reconnected" : "connected", serverUri);
        subscribed = false;
        subscribeDelay = FIRST_RETRY;
        long current = connection.get();
        execute(() -> subscribe(current));
    }

    private void subscribe(long onConnection) {
        if (!running || onConnection != connection.get() || !client.isConnected()) {
            return;
        }
        List<String> filters = subscriptionFilters();
        try {
            MqttSubscription[] subscriptions = filters.stream()
                    .map(filter -> new MqttSubscription(filter, 1))
                    .toArray(MqttSubscription[]::new);
            IMqttToken token = client.subscribe(subscriptions);
            token.waitForCompletion(node.connectTimeout().toMillis() * 2);
            List<String> refused = StreamSubscriptions.refused(filters, token.getReasonCodes());
            if (refused.isEmpty()) {
                subscribed = true;
                subscribeDelay = FIRST_RETRY;
                log.info("Tenant '{}': subscribed to {}", tenant, filters);
                return;
            }
            log.warn(
                    "Tenant '{}': the broker refused the subscription to {}; next attempt in {}",
                    tenant,
                    refused,
                    subscribeDelay);
        } catch (MqttException e) {
            log.warn(
                    "Tenant '{}': the subscription to {} failed ({}, reason code {}); next attempt in {}",
                    tenant,
                    filters,
                    e.getMessage(),
                    e.getReasonCode(),
                    subscribeDelay);
        } catch (RuntimeException e) {
            log.warn(
                    "Tenant '{}': the subscription to {} failed; next attempt in {}",
                    tenant,
                    filters,
                    subscribeDelay,
                    e);
        }
        schedule(() -> subscribe(onConnection), subscribeDelay);
        subscribeDelay = connector.doubled(subscribeDelay);
    }

    List<String> subscriptionFilters() {
        return StreamSubscriptions.filters(settings);
    }

    /** On Paho's thread: nothing here may throw, and nothing but a full queue may wait. */
    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (!running) {
            // Stopped: not acknowledged, so the broker delivers it again to the session's next connection.
            return;
        }
        try {
            Instant now = clock.instant();
            lastMessageAt = now;
            received.increment();
            byte[] payload = message.getPayload();
            if (payload.length > MAX_PAYLOAD_BYTES) {
                rejections.reject(tenant, StreamRejections.TOO_LARGE, payload.length + " bytes on " + topic);
                sendAck(message.getId(), message.getQos());
                return;
            }
            var delivery = new Delivery(topic, payload, message.getId(), message.getQos(), connection.get(), now);
            // A full queue holds up the connection; stopping ends the wait (the broker keeps the message).
            while (!worker.offer(delivery, FIRST_RETRY)) {
                if (!running) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Tenant '{}': could not take a message on {}", tenant, topic, e);
        }
    }

    private void acknowledge(Delivery delivery) {
        if (delivery.connection() == connection.get()) {
            sendAck(delivery.id(), delivery.qos());
        }
    }

    private void sendAck(int id, int qos) {
        if (qos == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException | RuntimeException e) {
            log.debug("Tenant '{}': MQTT acknowledgement failed: {}", tenant, e.getMessage());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        connection.incrementAndGet();
        subscribed = false;
        if (running) {
            log.warn("Tenant '{}': MQTT connection lost: {}", tenant, response.getReasonString());
        } else {
            log.debug("Tenant '{}': MQTT connection closed at shutdown", tenant);
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("Tenant '{}': MQTT error: {}", tenant, exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // The stream publishes nothing.
    }

    @Override
    public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
        // No enhanced authentication.
    }

    private void execute(Runnable task) {
        if (running) {
            connector.execute(task);
        }
    }

    private void schedule(Runnable task, Duration delay) {
        if (running) {
            connector.schedule(task, delay);
        }
    }
}
