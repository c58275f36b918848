package io.thingseeportal.device;

import org.jspecify.annotations.Nullable;

/**
 * One field of a Thingsee message, as the catalog describes it.
 *
 * @param name the field's name in the message, for example {@code temp}
 * @param unit its unit as written after the value, for example {@code °C}; null when it has none
 * @param decimals how many decimals a value is shown with
 * @param numeric whether its values are measurements that can be charted (a state such as open/closed is not)
 */
public record MessageField(String name, @Nullable String unit, int decimals, boolean numeric) {

    public MessageField {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals of " + name + " must be between 0 and 6");
        }
    }
}
