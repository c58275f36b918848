package io.thingseeportal.thingsee.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessageReceived;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * One pass of the JSON parser into maps and lists; a single object's text is kept as it arrived, an array element's
     * is written back from its map (its fields in their order).
     */
    Parsed parse(String tenant, String topic, byte[] payload, Instant receivedAt) {
        Object root;
        try {
            root = json.readValue(payload, Object.class);
        } catch (IOException e) {
            return rejected(StreamRejections.NOT_JSON, "on " + topic + ": " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> || root instanceof List<?>)) {
            return rejected(StreamRejections.NOT_JSON, "on " + topic + ": neither a JSON object nor an array");
        }
        String groupId = groupId(topic);
        List<ThingseeMessageReceived> messages = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Object element : root instanceof List<?> list ? list : List.of(root)) {
            Rejection rejection = check(element, topic);
            if (rejection != null) {
                rejections.add(rejection);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) element;
            String text = element == root ? new String(payload, StandardCharsets.UTF_8).strip() : written(fields);
            messages.add(
                    new ThingseeMessageReceived(tenant, topic, groupId, new ThingseeMessage(fields), text, receivedAt));
        }
        return new Parsed(messages, rejections);
    }

    private String written(Map<String, Object> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON object did not turn back into JSON", e);
        }
    }

    private static @Nullable Rejection check(@Nullable Object element, String topic) {
        if (!(element instanceof Map<?, ?> node)) {
            return new Rejection(StreamRejections.NOT_JSON, "on " + topic + ": an array element is not an object");
        }
        List<String> missing =
                HEADER.stream().filter(field -> node.get(field) == null).toList();
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
        if (!(node.get("tsmTs") instanceof Number)) {
            wrong.add("tsmTs is not a number");
        }
        if (!(node.get("tsmTuid") instanceof String)) {
            wrong.add("tsmTuid is not a string");
        }
        return wrong.isEmpty()
                ? null
                : new Rejection(StreamRejections.WRONG_TYPES, "on " + topic + ": " + String.join(", ", wrong));
    }

    /** Jackson reads a whole number that fits an int as an Integer, a larger one as a Long or BigInteger. */
    private static boolean isInteger(@Nullable Object value) {
        return value instanceof Integer;
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
