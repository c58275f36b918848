package io.thingseeportal.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Thingsee message a simulated device sent (REFERENCE.md 5.1), as the cloud stores it.
 *
 * @param gatewayTuid the relaying gateway ({@code tsmGw})
 * @param deploymentGroupId the device's group when the cloud received it
 * @param fields the message's own fields, for example {@code batl} of 1110
 */
record DeviceMessage(
        int tsmId,
        int tsmEv,
        Instant tsmTs,
        String tsmTuid,
        String gatewayTuid,
        String deploymentGroupId,
        Map<String, Object> fields) {

    DeviceMessage {
        fields = Map.copyOf(fields);
    }

    /** The message as the cloud hands it out, over HTTP and (later) MQTT. */
    Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("tsmId", tsmId);
        json.put("tsmEv", tsmEv);
        json.put("tsmTs", tsmTs.getEpochSecond());
        json.put("tsmTuid", tsmTuid);
        json.put("tsmGw", gatewayTuid);
        json.put("deploymentGroupId", deploymentGroupId);
        json.putAll(fields);
        return json;
    }
}
