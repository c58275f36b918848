package io.thingseeportal.thingsee;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts and logs the data-stream messages the portal cannot use: one counter {@value #METER}, tagged {@code tenant}
 * and {@code reason}, and a warning at most once a minute per reason, so that a flood of bad input neither floods the
 * log nor goes unnoticed. The MQTT subscriber reports {@code not-json}, {@code wrong-types}, {@code missing-header},
 * {@code too-large} and {@code unmatched}; the device feature reports {@code unknown-tsmid}, {@code unknown-tenant} (a
 * stream configured for a tenant slug the database has not) and {@code wrong-types} (a tsmTs outside 1970–2100).
 */
@Component
public class StreamRejections {

    public static final String METER = "thingsee.stream.rejected";
    public static final String NOT_JSON = "not-json";
    public static final String WRONG_TYPES = "wrong-types";
    public static final String MISSING_HEADER = "missing-header";
    public static final String TOO_LARGE = "too-large";
    public static final String UNMATCHED = "unmatched";
    public static final String UNKNOWN_TSMID = "unknown-tsmid";
    public static final String UNKNOWN_TENANT = "unknown-tenant";

    private static final Logger log = LoggerFactory.getLogger(StreamRejections.class);

    private final MeterRegistry meters;
    private final RateLimitedLog rateLimited;

    StreamRejections(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.rateLimited = new RateLimitedLog(log, clock, Duration.ofMinutes(1));
    }

    /** A rejections counter of its own, for tests and for code outside Spring. */
    public static StreamRejections of(MeterRegistry meters, Clock clock) {
        return new StreamRejections(meters, clock);
    }

    /**
     * Counts one rejected message and logs it unless this reason was logged within the last minute.
     *
     * @param tenant the slug of the tenant whose stream brought it
     * @param reason why, in kebab case (the constants of this class)
     * @param detail what was wrong, for the log only: a topic, a field, never a secret
     */
    public void reject(String tenant, String reason, String detail) {
        Counter.builder(METER)
                .description("Data-stream messages the portal could not use")
                .tag("tenant", tenant)
                .tag("reason", reason)
                .register(meters)
                .increment();
        rateLimited.warn(
                reason, "Rejected a data-stream message of tenant '" + tenant + "' (" + reason + "): " + detail);
    }
}
