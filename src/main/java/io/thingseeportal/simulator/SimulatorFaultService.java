package io.thingseeportal.simulator;

import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The simulator's fault settings for the admin page of the demo: what the control API offers, for signed-in admins,
 * and like it for one stack only: the one named like the admin's tenant (tenant {@code acme}, stack {@code acme}). An
 * admin of a tenant without a simulated stack has nothing to see or change. Changes apply at once to that stack and
 * last until a restart.
 */
@Service
@ConditionalOnSimulator
@RolesAllowed(AppRoles.ADMIN)
public class SimulatorFaultService {

    private final SimulatorFaults faults;
    private final SimulatorStore store;
    private final CurrentUser currentUser;

    SimulatorFaultService(SimulatorFaults faults, SimulatorStore store, CurrentUser currentUser) {
        this.faults = faults;
        this.store = store;
        this.currentUser = currentUser;
    }

    /** The simulated stack of the signed-in admin's tenant, if the simulator has one of that name. */
    public Optional<String> stack() {
        String slug = currentUser.require().tenantSlug();
        return slug == null || faults.find(slug).isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    /** What applies to every device of the stack without settings of its own, and to every API call of the stack. */
    public FaultSettings global() {
        return own().global();
    }

    /** Requests per second allowed per client token of the stack. */
    public int rateLimit() {
        return own().rateLimit();
    }

    /** @throws IllegalArgumentException when the rate limit is below 1 */
    public void update(FaultSettings global, int rateLimit) {
        StackFaults own = own();
        own.setRateLimit(rateLimit);
        own.setGlobal(global);
    }

    /** The stack's devices with settings of their own, by TUID. */
    public List<DeviceFaults> devices() {
        return own().devices().entrySet().stream()
                .map(entry -> new DeviceFaults(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** What applies to the device now: its own settings, else the stack's global ones. */
    public FaultSettings effective(String tuid) {
        return own().effective(tuid);
    }

    /** @throws IllegalArgumentException when the stack has no such device */
    public void override(String tuid, FaultSettings settings) {
        String stack = requireStack();
        if (!store.read(stack, state -> state.device(tuid).isPresent())) {
            throw new IllegalArgumentException("No simulated device " + tuid + " in stack " + stack);
        }
        faults.of(stack).setDevice(tuid, settings);
    }

    public void removeOverride(String tuid) {
        own().removeDevice(tuid);
    }

    /** The simulated devices of the stack, sorted; none when the tenant has no stack. */
    public List<String> deviceTuids() {
        return stack().map(stack -> store.read(stack, StackState::devices).stream()
                        .map(SimulatedDevice::tuid)
                        .sorted()
                        .toList())
                .orElse(List.of());
    }

    /** No faults, no device settings, the configured rate limit: in the stack, the others keep theirs. */
    public void reset() {
        own().reset();
    }

    private StackFaults own() {
        return faults.of(requireStack());
    }

    private String requireStack() {
        return stack().orElseThrow(() -> new IllegalStateException(
                "The simulator has no stack for tenant " + currentUser.require().tenantSlug()));
    }
}
