package io.thingseeportal.device;

/** Thingsee answered 404: the device is not in the tenant's Thingsee stack. */
public class DeviceUnknownToThingseeException extends RuntimeException {

    DeviceUnknownToThingseeException(String tuid, Throwable cause) {
        super("Thingsee does not know the device " + tuid + " in the tenant's stack", cause);
    }
}
