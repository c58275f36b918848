package io.thingseeportal.device;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The configuration a device last reported in one configuration message (an echo, tsmEv 31, or an information
 * response, tsmEv 33).
 *
 * @param time the message's own time (tsmTs)
 * @param transactionId the command it answered, if any
 */
public record ReportedConfiguration(
        int tsmId, Instant time, @Nullable Long transactionId, Map<String, Object> fields) {

    public ReportedConfiguration {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
