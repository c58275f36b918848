package io.thingseeportal.device;

/** What a Thingsee message is for (REFERENCE 5.2). */
public enum MessageKind {
    /** Measurements and state a device reports by itself. */
    DATA,
    /** Settings sent with {@code tsmEv} 30 and echoed with 31 (or answered with 33). */
    CONFIGURATION,
    /** Commands sent with {@code tsmEv} 35 (or 32) and answered with 36 (or 33). */
    COMMAND
}
