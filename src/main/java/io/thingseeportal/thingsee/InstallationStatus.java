package io.thingseeportal.thingsee;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A device's lifecycle status in Thingsee; setting {@link #INSTALLED} activates it. */
public enum InstallationStatus {
    NEW,
    INSTALLED,
    UNINSTALLED,
    QUARANTINE,
    RETIRED;

    /** The value on the wire: lower case. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InstallationStatus> fromWire(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wireValue().equals(value))
                .findFirst();
    }
}
