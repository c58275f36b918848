package io.thingseeportal.thingsee.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code mqtt} health, read from the streams' own state (no probe connection): UP while every tenant's stream is
 * connected and subscribed (or there is none), DOWN otherwise and before the streams' settings were first read; the
 * details per tenant.
 */
class TenantStreamsHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<List<StreamState>> states;
    private final BooleanSupplier settingsRead;

    TenantStreamsHealthIndicator(Supplier<List<StreamState>> states, BooleanSupplier settingsRead) {
        super("Reading the data streams' state failed");
        this.states = states;
        this.settingsRead = settingsRead;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!settingsRead.getAsBoolean()) {
            // Before the first read of the settings no stream runs, not even one that should: not up yet.
            builder.down().withDetail("streams", "starting: the settings are not read yet");
            return;
        }
        List<StreamState> streams = states.get();
        boolean up = streams.stream().allMatch(stream -> stream.connected() && stream.subscribed());
        builder.status(up ? Status.UP : Status.DOWN);
        for (StreamState stream : streams) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("broker", stream.broker());
            details.put("connected", stream.connected());
            details.put("subscribed", stream.subscribed());
            details.put(
                    "lastMessageAt",
                    stream.lastMessageAt() == null
                            ? "none"
                            : stream.lastMessageAt().toString());
            details.put("queueDepth", stream.queueDepth());
            if (stream.problem() != null) {
                details.put("problem", stream.problem());
            }
            builder.withDetail(stream.tenant(), details);
        }
        if (streams.isEmpty()) {
            builder.withDetail("streams", "none configured");
        }
    }
}
