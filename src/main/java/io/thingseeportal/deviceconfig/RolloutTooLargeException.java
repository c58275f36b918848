package io.thingseeportal.deviceconfig;

/** A rollout that would send to more devices than its tenant's admin allows in one. Nothing was started. */
public class RolloutTooLargeException extends IllegalArgumentException {

    private final long devices;
    private final int maxDevices;

    RolloutTooLargeException(long devices, int maxDevices) {
        super("A rollout to " + devices + " devices, where the tenant allows at most " + maxDevices);
        this.devices = devices;
        this.maxDevices = maxDevices;
    }

    public long devices() {
        return devices;
    }

    public int maxDevices() {
        return maxDevices;
    }
}
