package io.thingseeportal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The configuration parameters of REFERENCE 6 as the simulated devices know them: ranges, defaults and supported
 * values, read from the portal's message catalog, the one place for them. The simulator reads the file with this
 * reader of its own, so that it imports nothing of the portal, as a real device knows nothing of it.
 */
final class CatalogRanges {

    static final String RESOURCE = "/thingsee/message-catalog.json";

    /**
     * One parameter of a configuration message.
     *
     * @param min its smallest value (of each element of a list); null when unbounded
     * @param max its largest value (of each element of a list); null when unbounded
     * @param initial its value before any command: Integer, Long, Double, String or a list of them; null when none
     * @param supported the only values the device takes, empty when any value in range goes
     * @param length how many elements a list value has; null for a single value
     */
    record Parameter(
            String name,
            @Nullable Double min,
            @Nullable Double max,
            @Nullable Object initial,
            List<Object> supported,
            @Nullable Integer length) {}

    private static final Map<Integer, List<Parameter>> CONFIGURATIONS = read();

    private CatalogRanges() {}

    /** The parameters of a configuration message, in the catalog's order; empty for a message it does not have. */
    static List<Parameter> of(int tsmId) {
        return CONFIGURATIONS.getOrDefault(tsmId, List.of());
    }

    private static Map<Integer, List<Parameter>> read() {
        try (InputStream in = CatalogRanges.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The message catalog " + RESOURCE + " is missing");
            }
            Map<Integer, List<Parameter>> configurations = new TreeMap<>();
            for (JsonNode message : new ObjectMapper().readTree(in).path("messages")) {
                if ("configuration".equals(message.path("kind").asText())) {
                    List<Parameter> parameters = new ArrayList<>();
                    message.path("fields").forEach(field -> parameters.add(parameter(field)));
                    configurations.put(message.path("tsmId").asInt(), List.copyOf(parameters));
                }
            }
            return Collections.unmodifiableMap(configurations);
        } catch (IOException e) {
            throw new UncheckedIOException("The message catalog " + RESOURCE + " is unreadable", e);
        }
    }

    private static Parameter parameter(JsonNode field) {
        List<Object> supported = new ArrayList<>();
        field.path("values").forEach(value -> supported.add(value(value)));
        return new Parameter(
                field.path("name").asText(),
                field.hasNonNull("min") ? field.get("min").asDouble() : null,
                field.hasNonNull("max") ? field.get("max").asDouble() : null,
                field.hasNonNull("default") ? value(field.get("default")) : null,
                List.copyOf(supported),
                field.hasNonNull("length") ? field.get("length").asInt() : null);
    }

    /** A value as a device's JSON holds it: whole numbers as Integer (Long when large), others as Double. */
    private static Object value(JsonNode value) {
        if (value.isArray()) {
            List<Object> elements = new ArrayList<>();
            value.forEach(element -> elements.add(value(element)));
            return List.copyOf(elements);
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? (Object) value.intValue() : value.longValue();
        }
        return value.isNumber() ? (Object) value.doubleValue() : value.asText();
    }
}
