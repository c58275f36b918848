package io.thingseeportal.device;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest data message of one kind (tsmId) from a device.
 *
 * @param time the message's own time (tsmTs)
 * @param fields the message's fields without its header, in the order it had them: numbers, texts, lists
 */
public record DeviceValue(int tsmId, Instant time, Map<String, Object> fields) {

    public DeviceValue {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
