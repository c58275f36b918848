package io.thingseeportal.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One accepted {@code POST things/{tuid}/commands} call: what was queued for the device, as the API echoed it.
 *
 * @param responsible the client id of the caller
 * @param commands the command messages with {@code tsmTs} and {@code tsmDstTuid} filled in
 */
record CommandRecord(String tuid, Instant at, String responsible, List<Map<String, Object>> commands) {

    CommandRecord {
        commands = commands.stream()
                .map(command -> Collections.unmodifiableMap(new LinkedHashMap<>(command)))
                .toList();
    }
}
