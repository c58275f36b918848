package io.thingseeportal.thingsee.mqtt;

import java.time.Instant;

/**
 * One MQTT message as it arrived on a tenant's connection, not yet acknowledged to the broker.
 *
 * @param id the packet identifier to acknowledge
 * @param connection which connection of the stream it arrived on; an acknowledgement is sent on that one only
 */
record Delivery(String topic, byte[] payload, int id, int qos, long connection, Instant receivedAt) {}
