package io.thingseeportal.device;

/** The signed-in user's tenant has no device with this TUID (or the TUID is not one). */
public class NoSuchDeviceException extends RuntimeException {

    public NoSuchDeviceException(String tuid) {
        super("The tenant has no device " + tuid);
    }
}
