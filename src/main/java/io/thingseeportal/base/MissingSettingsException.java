package io.thingseeportal.base;

import java.util.List;
import java.util.stream.Collectors;

/** The portal cannot start: these settings are missing. */
public class MissingSettingsException extends IllegalStateException {

    private final List<RequiredSettings.Setting> missing;

    MissingSettingsException(List<RequiredSettings.Setting> missing) {
        super("Missing required settings: " + describe(missing));
        this.missing = List.copyOf(missing);
    }

    public List<RequiredSettings.Setting> missing() {
        return missing;
    }

    static String describe(List<RequiredSettings.Setting> settings) {
        return settings.stream()
                .map(setting -> setting.property() + " (environment variable " + setting.environmentVariable() + ")")
                .collect(Collectors.joining(", "));
    }
}
