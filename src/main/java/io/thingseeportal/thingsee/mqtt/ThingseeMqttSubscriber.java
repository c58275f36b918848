package io.thingseeportal.thingsee.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Subscribes to Thingsee's device messages and publishes each as a {@link ThingseeMessageReceived}. Transport only:
 * it parses, and leaves the meaning to the features that listen.
 *
 * <p>The session is persistent (clean start off, a session expiry) and the subscriptions QoS 1, so the broker keeps
 * what is published while the portal is away and delivers it on reconnect. A message is acknowledged after its events
 * were published. Connecting is retried with a growing delay, from the first attempt on: the portal starts even while
 * the broker is down.
 */
class ThingseeMqttSubscriber implements SmartLifecycle, MqttCallback {

    private static final Logger log = LoggerFactory.getLogger(ThingseeMqttSubscriber.class);
    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final io.thingseeportal.thingsee.mqtt.MqttProperties settings;
    private final ThingseePayloadParser parser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Counter received;
    private final Counter malformed;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "thingsee-mqtt-connector");
        thread.setDaemon(true);
        return thread;
    });
    private final MqttAsyncClient client;
    private volatile boolean running;
    private volatile Duration nextDelay = FIRST_RECONNECT_DELAY;

    ThingseeMqttSubscriber(
            io.thingseeportal.thingsee.mqtt.MqttProperties settings,
            String clientId,
            ThingseePayloadParser parser,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            Clock clock)
            throws MqttException {
        this.settings = settings;
        this.parser = parser;
        this.events = events;
        this.clock = clock;
        this.received = Counter.builder("thingsee.mqtt.messages")
                .tag("outcome", "received")
                .register(meters);
        this.malformed = Counter.builder("thingsee.mqtt.messages")
                .tag("outcome", "malformed")
                .register(meters);
        this.client = new MqttAsyncClient(settings.brokerUrl().toString(), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
    }

    @Override
    public void start() {
        running = true;
        connector.execute(this::connect);
    }

    @Override
    public void stop() {
        running = false;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(settings.connectTimeout().toMillis());
            }
            client.close(true);
        } catch (MqttException e) {
            log.debug("MQTT disconnect at shutdown failed: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
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
                    nextDelay = FIRST_RECONNECT_DELAY;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retryLater(failure);
                }
            });
        } catch (MqttException e) {
            retryLater(e);
        }
    }

    /** Until the first connection succeeds; after it, Paho's automatic reconnect takes over. */
    private void retryLater(Throwable failure) {
        if (!running) {
            return;
        }
        log.warn(
                "MQTT broker {} not reachable ({}); trying again in {} s",
                settings.brokerUrl(),
                failure.getMessage(),
                nextDelay.toSeconds());
        connector.schedule(this::connect, nextDelay.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = nextDelay.multipliedBy(2);
        Duration max = settings.subscriber().maxReconnectDelay();
        nextDelay = doubled.compareTo(max) > 0 ? max : doubled;
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = PahoOptions.of(settings);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.subscriber().sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay((int) FIRST_RECONNECT_DELAY.toSeconds(), (int)
                settings.subscriber().maxReconnectDelay().toSeconds());
        return options;
    }

    /** After every (re)connect: subscribing again is harmless when the broker kept the session, and needed if not. */
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        log.info("MQTT {} to {}", reconnect ? "reconnected" : "connected", serverUri);
        connector.execute(this::subscribe);
    }

    private void subscribe() {
        List<String> filters = settings.subscriber().topicFilters();
        try {
            MqttSubscription[] subscriptions = filters.stream()
                    .map(filter -> new MqttSubscription(filter, 1))
                    .toArray(MqttSubscription[]::new);
            IMqttToken token = client.subscribe(subscriptions);
            token.waitForCompletion(settings.connectTimeout().toMillis() * 2);
            log.info("MQTT subscribed to {}", filters);
        } catch (MqttException e) {
            log.warn("MQTT subscription to {} failed: {}", filters, e.getMessage());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        try {
            // Interim until the per-tenant streams: the one stream is nobody's.
            List<ThingseeMessageReceived> messages = parser.parse("", topic, message.getPayload(), clock.instant());
            received.increment(messages.size());
            events.publishEvent(new ThingseeMessagesReceived("", messages));
        } catch (ThingseePayloadParser.Malformed e) {
            malformed.increment();
            log.warn("Skipped a malformed MQTT message on {}: {}", topic, e.getMessage());
        } catch (RuntimeException e) {
            log.error("A listener failed on an MQTT message from {}", topic, e);
        } finally {
            acknowledge(message);
        }
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            log.debug("MQTT acknowledgement failed: {}", e.getMessage());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        log.warn("MQTT connection lost: {}", response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT error: {}", exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // The subscriber publishes nothing.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }
}
