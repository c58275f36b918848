package io.thingseeportal.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One configuration message of a device, side by side: what the portal asked for and what the device last reported.
 *
 * @param desired the last value sent for each parameter; empty when the portal never sent this message
 * @param reported the device's own word, if it has reported this message
 * @param differing the desired parameters the device does not report as asked (all of them when it has not reported)
 */
public record ConfigurationComparison(
        int tsmId, Map<String, Object> desired, @Nullable ReportedConfiguration reported, Set<String> differing) {

    public ConfigurationComparison {
        desired = Collections.unmodifiableMap(new LinkedHashMap<>(desired));
        differing = Set.copyOf(differing);
    }

    public boolean drifts() {
        return !differing.isEmpty();
    }
}
