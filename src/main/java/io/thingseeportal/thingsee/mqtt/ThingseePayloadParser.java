package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns an MQTT message into Thingsee messages: one JSON object (Thingsee's MQTT stream) or an array of them (the
 * Azure IoT Hub form). Anything else is {@link Malformed}.
 */
class ThingseePayloadParser {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};
    private static final String TOPIC_ROOT = "cloudext/json/";

    private final ObjectMapper json;

    ThingseePayloadParser(ObjectMapper json) {
        this.json = json;
    }

    List<ThingseeMessageReceived> parse(String tenant, String topic, byte[] payload, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (IOException e) {
            throw new Malformed("not JSON: " + e.getMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new Malformed("neither a JSON object nor an array");
        }
        String groupId = groupId(topic);
        List<ThingseeMessageReceived> messages = new ArrayList<>();
        for (JsonNode node : root.isArray() ? root : List.of(root)) {
            if (!node.isObject() || !node.path("tsmId").canConvertToInt()) {
                throw new Malformed("an element is not a Thingsee message (an object with a numeric tsmId)");
            }
            messages.add(
                    new ThingseeMessageReceived(tenant, topic, groupId, new ThingseeMessage(fields(node)), receivedAt));
        }
        return messages;
    }

    private Map<String, Object> fields(JsonNode node) {
        try {
            return json.readerFor(FIELDS).readValue(node);
        } catch (IOException e) {
            throw new Malformed("unreadable fields: " + e.getMessage());
        }
    }

    /** The full group id of {@code cloudext/json/{env}/{country}/{groupId}/{tuid}/{tsmId}}, if the topic has it. */
    static @Nullable String groupId(String topic) {
        if (!topic.startsWith(TOPIC_ROOT)) {
            return null;
        }
        String[] levels = topic.substring(TOPIC_ROOT.length()).split("/", -1);
        return levels.length >= 3 && !levels[2].isEmpty() ? levels[2] : null;
    }

    /** The payload is not what Thingsee sends; the message is counted and skipped. */
    static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
