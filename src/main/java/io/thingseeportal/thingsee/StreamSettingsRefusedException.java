package io.thingseeportal.thingsee;

import io.thingseeportal.refusal.RefusedException;

/** Data stream settings that cannot be saved as they are ({@code tenant.stream.refused.*}); nothing was saved. */
public class StreamSettingsRefusedException extends RefusedException {

    public StreamSettingsRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
