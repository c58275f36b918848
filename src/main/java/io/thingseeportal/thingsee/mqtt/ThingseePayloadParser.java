package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.StreamRejections;
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
 * Azure IoT Hub form). Each message's header is checked (REFERENCE 5.1): {@code tsmTuid}, {@code tsmId},
 * {@code tsmEv} and {@code tsmTs} present, the ids integers, the time a number, the TUID a text. What fails is
 * returned as a {@link Rejection} with its reason, the rest is kept.
 */
class ThingseePayloadParser {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};
    private static final String TOPIC_ROOT = "cloudext/json/";
    private static final List<String> HEADER = List.of("tsmTuid", "tsmId", "tsmEv", "tsmTs");

    /** Why a message was not kept: a reason of {@link StreamRejections} and a detail for the log. */
    record Rejection(String reason, String detail) {}

    /** The messages kept and the ones rejected from one MQTT message. */
    record Parsed(List<ThingseeMessageReceived> messages, List<Rejection> rejections) {}

    private final ObjectMapper json;

    ThingseePayloadParser(ObjectMapper json) {
        this.json = json;
    }

    Parsed parse(String tenant, String topic, byte[] payload, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (IOException e) {
            return rejected(StreamRejections.NOT_JSON, "on " + topic + ": " + firstLine(e.getMessage()));
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            return rejected(StreamRejections.NOT_JSON, "on " + topic + ": neither a JSON object nor an array");
        }
        String groupId = groupId(topic);
        List<ThingseeMessageReceived> messages = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (JsonNode node : root.isArray() ? root : List.of(root)) {
            Rejection rejection = check(node, topic);
            if (rejection != null) {
                rejections.add(rejection);
            } else {
                messages.add(new ThingseeMessageReceived(
                        tenant, topic, groupId, new ThingseeMessage(json.convertValue(node, FIELDS)), receivedAt));
            }
        }
        return new Parsed(messages, rejections);
    }

    private static @Nullable Rejection check(JsonNode node, String topic) {
        if (!node.isObject()) {
            return new Rejection(StreamRejections.NOT_JSON, "on " + topic + ": an array element is not an object");
        }
        List<String> missing =
                HEADER.stream().filter(field -> !node.hasNonNull(field)).toList();
        if (!missing.isEmpty()) {
            return new Rejection(StreamRejections.MISSING_HEADER, "on " + topic + ": no " + String.join(", ", missing));
        }
        List<String> wrong = new ArrayList<>();
        if (!isInteger(node.get("tsmId"))) {
            wrong.add("tsmId is not an integer");
        }
        if (!isInteger(node.get("tsmEv"))) {
            wrong.add("tsmEv is not an integer");
        }
        if (!node.get("tsmTs").isNumber()) {
            wrong.add("tsmTs is not a number");
        }
        if (!node.get("tsmTuid").isTextual()) {
            wrong.add("tsmTuid is not a string");
        }
        return wrong.isEmpty()
                ? null
                : new Rejection(StreamRejections.WRONG_TYPES, "on " + topic + ": " + String.join(", ", wrong));
    }

    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt();
    }

    private static Parsed rejected(String reason, String detail) {
        return new Parsed(List.of(), List.of(new Rejection(reason, detail)));
    }

    private static String firstLine(@Nullable String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * The full group id of {@code [<root>]cloudext/json/{env}/{country}/{groupId}/{tuid}/{tsmId}}, if the topic has
     * it; a tenant's topic root may come first.
     */
    static @Nullable String groupId(String topic) {
        int at = 0;
        if (!topic.startsWith(TOPIC_ROOT)) {
            int slash = topic.indexOf("/" + TOPIC_ROOT);
            if (slash < 0) {
                return null;
            }
            at = slash + 1;
        }
        String[] levels = topic.substring(at + TOPIC_ROOT.length()).split("/", -1);
        return levels.length >= 3 && !levels[2].isEmpty() ? levels[2] : null;
    }
}
