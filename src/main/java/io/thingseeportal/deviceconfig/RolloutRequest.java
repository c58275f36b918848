package io.thingseeportal.deviceconfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One configuration message for many devices: a selection of TUIDs, or every device of a group.
 *
 * @param tuids the devices chosen; ignored when {@code groupId} is set
 * @param groupId every device of this group, as the portal knows them when the rollout starts
 * @param skipOffline leave out devices that are silent past their report intervals, or were never heard from
 * @param skipLowBattery leave out devices at or below the portal's low-battery level
 * @param abortPercent the rollout stops when more than this share of its sends fail; null for the engine's default
 */
public record RolloutRequest(
        int tsmId,
        Map<String, @Nullable Object> values,
        List<String> tuids,
        @Nullable String groupId,
        boolean skipOffline,
        boolean skipLowBattery,
        @Nullable Integer abortPercent) {

    public RolloutRequest {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        tuids = List.copyOf(tuids);
    }
}
