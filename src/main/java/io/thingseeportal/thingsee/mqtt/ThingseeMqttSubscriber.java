package io.thingseeportal.thingsee.mqtt;

import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * The tenants' data streams, one MQTT connection each, started with the portal and stopped before anything they hand
 * messages to (the default phase of a {@link SmartLifecycle} is the last to start and the first to stop).
 */
class ThingseeMqttSubscriber implements SmartLifecycle {

    private final List<TenantStream> streams;
    private volatile boolean running;

    ThingseeMqttSubscriber(List<TenantStream> streams) {
        this.streams = List.copyOf(streams);
    }

    @Override
    public void start() {
        streams.forEach(TenantStream::start);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.parallelStream().forEach(TenantStream::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    List<StreamState> states() {
        return streams.stream().map(TenantStream::state).toList();
    }

    List<TenantStream> streams() {
        return streams;
    }
}
