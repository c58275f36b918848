package io.thingseeportal.device;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Thingsee message id ({@code tsmId}) of the catalog.
 *
 * @param name its name in English, for logs; views use the translation key {@code catalog.<tsmId>}
 * @param fields its own fields (the header fields are not listed), in the order they are shown
 * @param request the {@code tsmEv} a request of this message is sent with (30 configuration, 35 command, 32
 *     information request); null for a message only devices send
 * @param sendable whether the portal may send it: it has a request the Thingsee cloud accepts (REFERENCE 9.4)
 * @param products the products that take it; empty for data messages
 */
public record MessageType(
        int tsmId,
        String name,
        MessageKind kind,
        List<MessageField> fields,
        @Nullable Integer request,
        boolean sendable,
        Set<ProductType> products) {

    public MessageType {
        fields = List.copyOf(fields);
        products = products.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(products));
        if (sendable && request == null) {
            throw new IllegalArgumentException("tsmId " + tsmId + " is sendable but has no request tsmEv");
        }
    }

    public Optional<MessageField> field(String fieldName) {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }

    /** The {@code tsmEv} of a request of this message, whether or not the portal may send it. */
    public OptionalInt requestEvent() {
        return request == null ? OptionalInt.empty() : OptionalInt.of(request);
    }
}
