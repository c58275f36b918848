package io.thingseeportal.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Thingsee messages the portal knows (REFERENCE 5 and 6), read once from {@value #RESOURCE}: per {@code tsmId} its
 * kind and fields, with unit, decimals and whether a field can be charted, and for configuration and command messages
 * what may be sent to which product: each parameter's type, range, default and offered values. It is the one place
 * for these; the simulator reads the same file with a reader of its own. A message id not in the catalog is not taken
 * in from the data stream. Field labels are the translation keys {@link #labelKey(int, String)}.
 */
@Component
public class MessageCatalog {

    static final String RESOURCE = "/thingsee/message-catalog.json";

    private final Map<Integer, MessageType> types;

    public MessageCatalog(ObjectMapper json) {
        this.types = MessageCatalogReader.read(json, RESOURCE);
    }

    /** The message of this id, if the catalog has it. */
    public Optional<MessageType> type(int tsmId) {
        return Optional.ofNullable(types.get(tsmId));
    }

    /** Every message of the catalog, by id. */
    public Collection<MessageType> types() {
        return types.values();
    }

    /**
     * The messages the portal may send to a device of this product (REFERENCE 6 and 9.4): configuration messages
     * first, then commands, each in id order.
     */
    public List<MessageType> sendableFor(ProductType product) {
        return types.values().stream()
                .filter(type -> type.sendable() && type.products().contains(product))
                .sorted(Comparator.comparing((MessageType type) -> type.kind() != MessageKind.CONFIGURATION)
                        .thenComparingInt(MessageType::tsmId))
                .toList();
    }

    /** Whether a device of this product takes the message, even one the portal may not send (11210, 1101). */
    public boolean takes(ProductType product, int tsmId) {
        return type(tsmId).map(type -> type.products().contains(product)).orElse(false);
    }

    /** The translation key of a field's label, for example {@code catalog.12100.temp}. */
    public static String labelKey(int tsmId, String field) {
        return "catalog." + tsmId + "." + field;
    }

    /** The translation key of a field's help text, for example {@code catalog.13200.threshold.help}. */
    public static String helpKey(int tsmId, String field) {
        return labelKey(tsmId, field) + ".help";
    }

    /** The translation key of an offered value's label, for example {@code catalog.12200.hallMode.-1}. */
    public static String valueLabelKey(int tsmId, String field, Object value) {
        return labelKey(tsmId, field) + "." + value;
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
}
