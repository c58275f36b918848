package io.thingseeportal.thingsee.mqtt;

import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The worker of one tenant's stream: it takes the received messages from a bounded queue in batches, parses them and
 * hands each batch to the features as one {@link ThingseeMessagesReceived}, synchronously. A message is acknowledged
 * only after the listeners returned (they commit before they return); when one throws, the same batch is offered again
 * after a growing wait, and nothing of it is acknowledged or dropped meanwhile. A message that cannot be used is
 * counted and acknowledged at once.
 */
class BatchWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);

    /** How a batch is put together and how long a failed one waits before it is offered again. */
    record Settings(int queueCapacity, int batchSize, Duration firstRetry, Duration maxRetry) {

        static Settings of(MqttProperties node) {
            return new Settings(node.queueCapacity(), node.batchSize(), Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    private final String tenant;
    private final TopicFilters filters;
    private final ThingseePayloadParser parser;
    private final ApplicationEventPublisher events;
    private final StreamRejections rejections;
    private final Consumer<Delivery> acknowledge;
    private final Settings settings;
    private final BlockingQueue<Delivery> queue;

    BatchWorker(
            String tenant,
            TopicFilters filters,
            ThingseePayloadParser parser,
            ApplicationEventPublisher events,
            StreamRejections rejections,
            Consumer<Delivery> acknowledge,
            Settings settings) {
        this.tenant = tenant;
        this.filters = filters;
        this.parser = parser;
        this.events = events;
        this.rejections = rejections;
        this.acknowledge = acknowledge;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    void put(Delivery delivery) throws InterruptedException {
        queue.put(delivery);
    }

    /**
     * Called on Paho's thread: waits while the queue is full, which holds up the connection (backpressure).
     *
     * @return false when the queue stayed full for the whole timeout
     */
    boolean offer(Delivery delivery, Duration timeout) throws InterruptedException {
        return queue.offer(delivery, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int depth() {
        return queue.size();
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                handle(nextBatch());
            }
        } catch (InterruptedException e) {
            // Stopping: what is not acknowledged yet, the broker delivers again.
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for a first message, then takes what else is queued, up to the batch size, without waiting for more. Batches
     * grow by themselves under load (what arrives while one batch commits makes the next), and a broker that sends only
     * a few unacknowledged messages at a time (HiveMQ: 50, Mosquitto's default: 20) is never kept waiting for
     * acknowledgements that a waiting batch would hold back.
     */
    List<Delivery> nextBatch() throws InterruptedException {
        List<Delivery> batch = new ArrayList<>();
        batch.add(queue.take());
        queue.drainTo(batch, settings.batchSize() - 1);
        return batch;
    }

    /** Parses, publishes until the listeners succeed, then acknowledges in the order of arrival. */
    void handle(List<Delivery> batch) throws InterruptedException {
        List<Delivery> accepted = new ArrayList<>();
        List<ThingseeMessageReceived> messages = new ArrayList<>();
        for (Delivery delivery : batch) {
            List<ThingseeMessageReceived> parsed = parse(delivery);
            if (parsed.isEmpty()) {
                acknowledge.accept(delivery);
            } else {
                accepted.add(delivery);
                messages.addAll(parsed);
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        publish(new ThingseeMessagesReceived(tenant, messages));
        accepted.forEach(acknowledge);
    }

    private List<ThingseeMessageReceived> parse(Delivery delivery) {
        if (!filters.matches(delivery.topic())) {
            rejections.reject(
                    tenant, StreamRejections.UNMATCHED, "topic " + delivery.topic() + " matches none of " + filters);
            return List.of();
        }
        try {
            var parsed = parser.parse(tenant, delivery.topic(), delivery.payload(), delivery.receivedAt());
            parsed.rejections().forEach(rejection -> rejections.reject(tenant, rejection.reason(), rejection.detail()));
            return parsed.messages();
        } catch (RuntimeException e) {
            rejections.reject(tenant, StreamRejections.NOT_JSON, "on " + delivery.topic() + ": " + e);
            return List.of();
        }
    }

    private void publish(ThingseeMessagesReceived batch) throws InterruptedException {
        Duration wait = settings.firstRetry();
        for (int attempt = 1; ; attempt++) {
            try {
                events.publishEvent(batch);
                if (attempt > 1) {
                    log.info(
                            "Tenant '{}': a batch of {} messages went through at attempt {}",
                            tenant,
                            batch.messages().size(),
                            attempt);
                }
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "Tenant '{}': a listener failed on a batch of {} messages (attempt {}); offering it again in {}",
                        tenant,
                        batch.messages().size(),
                        attempt,
                        wait,
                        e);
            }
            Thread.sleep(wait.toMillis());
            Duration doubled = wait.multipliedBy(2);
            wait = doubled.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : doubled;
        }
    }
}
