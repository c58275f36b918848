package io.thingseeportal.device;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts rejected stream input ({@code portal.devices.rejected}, by tenant and reason) and logs it, at most once a
 * minute per tenant and reason: a misconfigured stream must not flood the log.
 */
@Component
class LoggedIngestRejections implements IngestRejections {

    static final String METER = "portal.devices.rejected";
    private static final Duration LOG_GAP = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(LoggedIngestRejections.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    LoggedIngestRejections(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void reject(String tenant, String reason, String detail) {
        meters.counter(METER, "tenant", tenant, "reason", reason).increment();
        Instant now = clock.instant();
        String key = tenant + ' ' + reason;
        Instant previous = lastLogged.get(key);
        if ((previous == null || !now.isBefore(previous.plus(LOG_GAP))) && replaced(key, previous, now)) {
            log.warn("Stream of tenant {}: message dropped ({}): {}", tenant, reason, detail);
        }
    }

    private boolean replaced(String key, @Nullable Instant previous, Instant now) {
        return previous == null ? lastLogged.putIfAbsent(key, now) == null : lastLogged.replace(key, previous, now);
    }
}
