package io.thingseeportal.thingsee;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Thingsee message: a device's data or echo, or a command. The header fields have accessors; the
 * profile-specific fields stay in {@link #fields()} as the JSON had them.
 */
public record ThingseeMessage(Map<String, Object> fields) {

    /**
     * The header and routing fields of Thingsee messages (REFERENCE 5.1, with {@code transactionId}); every other field
     * belongs to the message's profile.
     */
    public static final Set<String> HEADER_FIELDS = Set.of(
            "tsmId",
            "tsmEv",
            "tsmTs",
            "tsmTuid",
            "tsmGw",
            "tsmDstTuid",
            "tsmGwTs",
            "tsmCloudTs",
            "tsmAp",
            "deploymentGroupId",
            "transactionId");

    public ThingseeMessage {
        fields = Map.copyOf(fields);
    }

    public @Nullable Integer tsmId() {
        return integer("tsmId");
    }

    public @Nullable Integer tsmEv() {
        return integer("tsmEv");
    }

    public @Nullable String tsmTuid() {
        return text("tsmTuid");
    }

    public @Nullable Long transactionId() {
        Object value = fields.get("transactionId");
        return value instanceof Number number ? number.longValue() : null;
    }

    public @Nullable String deploymentGroupId() {
        return text("deploymentGroupId");
    }

    public Optional<Object> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    private @Nullable Integer integer(String name) {
        Object value = fields.get(name);
        return value instanceof Number number ? number.intValue() : null;
    }

    private @Nullable String text(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
