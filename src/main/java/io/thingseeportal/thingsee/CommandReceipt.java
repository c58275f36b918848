package io.thingseeportal.thingsee;

import java.util.List;

/**
 * Thingsee's answer to sent commands: what it queued for the device. It only means "accepted"; the device's echo
 * arrives later over MQTT.
 *
 * @param responsible the API client that sent them
 */
public record CommandReceipt(String responsible, List<ThingseeMessage> commands) {

    public CommandReceipt {
        commands = List.copyOf(commands);
    }
}
