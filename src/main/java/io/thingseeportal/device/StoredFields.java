package io.thingseeportal.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.thingsee.ThingseeMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored message's own fields, as a map in the order of its JSON object, without the header fields (the ingest
 * stores the whole message; rows written before it did hold only their own fields); a text that is not a JSON object
 * is an empty map.
 */
final class StoredFields {

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {};

    private final ObjectMapper json;

    StoredFields(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> read(String text) {
        try {
            Map<String, Object> fields = json.readValue(text, FIELDS);
            if (fields == null) {
                return Map.of();
            }
            fields.keySet().removeAll(ThingseeMessage.HEADER_FIELDS);
            return fields;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
