package io.thingseeportal.deviceconfig;

/** Where a command to a device stands (REFERENCE 9.5-9.9). */
public enum CommandState {
    /** Stored, not yet accepted by Thingsee. */
    QUEUED,
    /** Accepted by Thingsee; waiting for the device's echo. */
    SENT,
    /** The device echoed every requested value. */
    CONFIRMED,
    /** The device echoed, with values other than those requested (for example clamped); the differences are kept. */
    MISMATCH,
    /** No echo came before the deadline; a late echo still confirms it. */
    TIMED_OUT,
    /** Thingsee refused the command or did not answer; it can be sent again. */
    FAILED,
    /** Withdrawn before it was sent. */
    CANCELED,
    /** A newer command for the same device and message was sent before this one's echo came. */
    SUPERSEDED;

    /** Whether the command still waits for something: to be sent, or for its echo. */
    public boolean open() {
        return this == QUEUED || this == SENT;
    }

    /** Whether the device has answered it. */
    public boolean answered() {
        return this == CONFIRMED || this == MISMATCH;
    }
}
