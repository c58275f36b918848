package io.thingseeportal.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Reads the catalog file once; a file that does not say what it must stops the portal from starting. */
final class MessageCatalogReader {

    private MessageCatalogReader() {}

    static Map<Integer, MessageType> read(ObjectMapper json, String resource) {
        try (InputStream in = MessageCatalogReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The message catalog " + resource + " is missing");
            }
            Map<Integer, MessageType> types = new TreeMap<>();
            for (JsonNode message : json.readTree(in).path("messages")) {
                MessageType type = type(message);
                if (types.put(type.tsmId(), type) != null) {
                    throw new IllegalStateException("tsmId " + type.tsmId() + " is twice in " + resource);
                }
            }
            return Collections.unmodifiableMap(types);
        } catch (IOException e) {
            throw new UncheckedIOException("The message catalog " + resource + " is unreadable", e);
        }
    }

    private static MessageType type(JsonNode message) {
        int tsmId = message.path("tsmId").asInt();
        List<MessageField> fields = new ArrayList<>();
        for (JsonNode field : message.path("fields")) {
            fields.add(field(tsmId, field));
        }
        Integer request = message.hasNonNull("request") ? message.get("request").asInt() : null;
        Set<ProductType> products = EnumSet.noneOf(ProductType.class);
        message.path("products").forEach(product -> products.add(ProductType.valueOf(product.asText())));
        return new MessageType(
                tsmId,
                message.path("name").asText(),
                MessageKind.valueOf(message.path("kind").asText().toUpperCase(Locale.ROOT)),
                fields,
                request,
                request != null && message.path("sendable").asBoolean(true),
                products);
    }

    private static MessageField field(int tsmId, JsonNode field) {
        String name = field.path("name").asText();
        boolean numeric = field.path("numeric").asBoolean(false);
        ParameterType type = field.hasNonNull("type")
                ? ParameterType.valueOf(field.get("type").asText().toUpperCase(Locale.ROOT))
                : numeric ? ParameterType.DECIMAL : ParameterType.TEXT;
        List<NamedValue> named = new ArrayList<>();
        for (JsonNode value : field.path("values")) {
            Object offered = value(type, value, tsmId, name);
            named.add(new NamedValue(offered, MessageCatalog.valueLabelKey(tsmId, name, offered)));
        }
        return new MessageField(
                name,
                field.hasNonNull("unit") ? field.get("unit").asText() : null,
                field.path("decimals").asInt(0),
                numeric,
                type,
                bound(field, "min"),
                bound(field, "max"),
                field.hasNonNull("default") ? value(type, field.get("default"), tsmId, name) : null,
                named,
                field.path("readOnly").asBoolean(false),
                field.hasNonNull("length") ? field.get("length").asInt() : null,
                MessageCatalog.helpKey(tsmId, name));
    }

    private static @Nullable BigDecimal bound(JsonNode field, String bound) {
        return field.hasNonNull(bound) ? field.get(bound).decimalValue() : null;
    }

    /** A value of the file as the model holds it: Long, BigDecimal, String or a list of Long. */
    private static Object value(ParameterType type, JsonNode value, int tsmId, String field) {
        boolean fits = switch (type) {
            case INTEGER -> value.isIntegralNumber();
            case DECIMAL -> value.isNumber();
            case TEXT -> value.isTextual();
            case INTEGERS -> value.isArray();
        };
        if (!fits) {
            throw new IllegalStateException(
                    "catalog " + tsmId + "." + field + ": " + value + " is not a value of type " + type);
        }
        return switch (type) {
            case INTEGER -> value.longValue();
            case DECIMAL -> value.decimalValue();
            case TEXT -> value.asText();
            case INTEGERS -> {
                List<Long> elements = new ArrayList<>();
                value.forEach(element -> elements.add(element.longValue()));
                yield List.copyOf(elements);
            }
        };
    }
}
