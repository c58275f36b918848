package io.thingseeportal.device;

import java.util.List;
import java.util.Optional;

/**
 * One Thingsee message id ({@code tsmId}) of the catalog.
 *
 * @param name its name in English, for logs; views use the translation key {@code catalog.<tsmId>}
 * @param fields its own fields (the header fields are not listed), in the order they are shown
 */
public record MessageType(int tsmId, String name, MessageKind kind, List<MessageField> fields) {

    public MessageType {
        fields = List.copyOf(fields);
    }

    public Optional<MessageField> field(String fieldName) {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }
}
