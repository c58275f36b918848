package io.thingseeportal.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The Thingsee messages the portal knows (REFERENCE 5 and 6), read once from {@value #RESOURCE}: per {@code tsmId} its
 * kind and fields, with unit, decimals and whether a field can be charted. A message id not in the catalog is not
 * taken in from the data stream. Field labels are the translation keys {@link #labelKey(int, String)}.
 */
@Component
public class MessageCatalog {

    static final String RESOURCE = "/thingsee/message-catalog.json";

    private final Map<Integer, MessageType> types;

    public MessageCatalog(ObjectMapper json) {
        this.types = read(json);
    }

    /** The message of this id, if the catalog has it. */
    public Optional<MessageType> type(int tsmId) {
        return Optional.ofNullable(types.get(tsmId));
    }

    /** Every message of the catalog, by id. */
    public Collection<MessageType> types() {
        return types.values();
    }

    /** The translation key of a field's label, for example {@code catalog.12100.temp}. */
    public static String labelKey(int tsmId, String field) {
        return "catalog." + tsmId + "." + field;
    }

    /** The translation key of a message's name, for example {@code catalog.12100}. */
    public static String nameKey(int tsmId) {
        return "catalog." + tsmId;
    }

    /**
     * A value as people read it: a number with the field's decimals in the locale's way and its unit ("21.5 °C",
     * "21,5 °C"); anything else, or a field the catalog does not know, as its text.
     */
    public String format(int tsmId, String field, Object value, Locale locale) {
        Optional<MessageField> known = type(tsmId).flatMap(type -> type.field(field));
        if (!(value instanceof Number number) || known.isEmpty()) {
            return String.valueOf(value);
        }
        MessageField description = known.get();
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(description.decimals());
        format.setMaximumFractionDigits(description.decimals());
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text;
        try {
            text = format.format(new BigDecimal(number.toString()));
        } catch (NumberFormatException notFinite) {
            return String.valueOf(value);
        }
        return description.unit() == null ? text : text + " " + description.unit();
    }

    private static Map<Integer, MessageType> read(ObjectMapper json) {
        try (InputStream in = MessageCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The message catalog " + RESOURCE + " is missing");
            }
            Map<Integer, MessageType> types = new TreeMap<>();
            for (JsonNode message : json.readTree(in).path("messages")) {
                MessageType type = type(message);
                if (types.put(type.tsmId(), type) != null) {
                    throw new IllegalStateException("tsmId " + type.tsmId() + " is twice in " + RESOURCE);
                }
            }
            return Collections.unmodifiableMap(types);
        } catch (IOException e) {
            throw new UncheckedIOException("The message catalog " + RESOURCE + " is unreadable", e);
        }
    }

    private static MessageType type(JsonNode message) {
        List<MessageField> fields = new ArrayList<>();
        for (JsonNode field : message.path("fields")) {
            fields.add(new MessageField(
                    field.path("name").asText(),
                    field.hasNonNull("unit") ? field.get("unit").asText() : null,
                    field.path("decimals").asInt(0),
                    field.path("numeric").asBoolean(false)));
        }
        return new MessageType(
                message.path("tsmId").asInt(),
                message.path("name").asText(),
                MessageKind.valueOf(message.path("kind").asText().toUpperCase(Locale.ROOT)),
                fields);
    }
}
