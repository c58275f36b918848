package io.thingseeportal.simulator;

import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The simulator's fault settings for the admin page of the demo: what the control API offers, for signed-in admins.
 * Changes apply at once to every stack and last until a restart.
 */
@Service
@ConditionalOnSimulator
@RolesAllowed(AppRoles.ADMIN)
public class SimulatorFaultService {

    private final SimulatorFaults faults;
    private final SimulatorStore store;

    SimulatorFaultService(SimulatorFaults faults, SimulatorStore store) {
        this.faults = faults;
        this.store = store;
    }

    /** What applies to every device without settings of its own, and to every API call. */
    public FaultSettings global() {
        return faults.global();
    }

    /** Requests per second allowed per client token. */
    public int rateLimit() {
        return faults.rateLimit();
    }

    /** @throws IllegalArgumentException when the rate limit is below 1 */
    public void update(FaultSettings global, int rateLimit) {
        faults.setRateLimit(rateLimit);
        faults.setGlobal(global);
    }

    /** The devices with settings of their own, by TUID. */
    public List<DeviceFaults> devices() {
        return faults.devices().entrySet().stream()
                .map(entry -> new DeviceFaults(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** What applies to the device now: its own settings, else the global ones. */
    public FaultSettings effective(String tuid) {
        return faults.effective(tuid);
    }

    /** @throws IllegalArgumentException when no stack has the device */
    public void override(String tuid, FaultSettings settings) {
        if (!deviceTuids().contains(tuid)) {
            throw new IllegalArgumentException("No simulated device " + tuid);
        }
        faults.setDevice(tuid, settings);
    }

    public void removeOverride(String tuid) {
        faults.removeDevice(tuid);
    }

    /** Every simulated device of every stack, sorted. */
    public List<String> deviceTuids() {
        return store.stacks().stream()
                .flatMap(stack ->
                        store.read(stack, state -> state.devices()).stream().map(SimulatedDevice::tuid))
                .sorted()
                .toList();
    }

    /** No faults, no device settings, the configured rate limit. */
    public void reset() {
        faults.reset();
    }
}
