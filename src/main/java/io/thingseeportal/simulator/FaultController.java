package io.thingseeportal.simulator;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control API of one stack's faults, for demos, tests and benchmarks: JSON at {@value #PATH}, with the stack's
 * client token ({@code Authorization: Bearer <token>} from {@code auth/client-token}; else 401). It shows and changes
 * only the faults of the token's stack: a device of another stack is not found. It exists only while the simulator is
 * enabled. {@code PUT} changes only the settings it names; errors are 4xx in the simulator's error body.
 */
@RestController
@ConditionalOnSimulator
@RequestMapping(FaultController.PATH)
class FaultController {

    static final String PATH = SimulatorConfig.CONTROL_PATH + "/faults";

    private static final Pattern TUID = Pattern.compile("[A-Za-z0-9]{1,64}");

    /** Everything in force in the stack: the global settings, the rate limit and the per-device overrides by TUID. */
    record Faults(FaultSettings global, int rateLimit, Map<String, FaultSettings> devices) {}

    private final SimulatorFaults faults;
    private final SimulatorStore store;

    FaultController(SimulatorFaults faults, SimulatorStore store) {
        this.faults = faults;
        this.store = store;
    }

    @GetMapping
    Faults faults(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return faults(faults.of(caller.stack()));
    }

    @PutMapping
    Faults change(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestBody Map<String, @Nullable Object> body) {
        StackFaults stack = faults.of(caller.stack());
        var request = FaultRequest.of(body, Set.of(FaultRequest.RATE_LIMIT));
        FaultSettings global = request.applyTo(stack.global());
        int rateLimit = request.rateLimit(stack.rateLimit());
        stack.setGlobal(global);
        stack.setRateLimit(rateLimit);
        return faults(stack);
    }

    /** Heals the caller's stack: no faults, no overrides, the configured rate limit. */
    @DeleteMapping
    Faults reset(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        StackFaults stack = faults.of(caller.stack());
        stack.reset();
        return faults(stack);
    }

    @GetMapping("/devices/{tuid}")
    FaultSettings device(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String tuid) {
        return faults.of(caller.stack())
                .device(known(caller, tuid))
                .orElseThrow(() -> SimulatorException.notFound("Device " + tuid + " has no settings of its own"));
    }

    /** Settings left out are taken from what applies to the device now (its own, else the global ones). */
    @PutMapping("/devices/{tuid}")
    FaultSettings changeDevice(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @PathVariable String tuid,
            @RequestBody Map<String, @Nullable Object> body) {
        StackFaults stack = faults.of(caller.stack());
        var request = FaultRequest.of(body, Set.of());
        FaultSettings settings = request.applyTo(stack.effective(known(caller, tuid)));
        stack.setDevice(tuid, settings);
        return settings;
    }

    @DeleteMapping("/devices/{tuid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDevice(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String tuid) {
        faults.of(caller.stack()).removeDevice(known(caller, tuid));
    }

    private static Faults faults(StackFaults stack) {
        return new Faults(stack.global(), stack.rateLimit(), stack.devices());
    }

    /** The TUID of a device of the caller's stack; a device of another stack is as unknown as no device at all. */
    private String known(Caller caller, String tuid) {
        if (!TUID.matcher(tuid).matches()) {
            throw SimulatorException.badRequest("A TUID is 1 to 64 letters and digits");
        }
        if (!store.read(caller.stack(), state -> state.device(tuid).isPresent())) {
            throw SimulatorException.notFound("No simulated device " + tuid + " in stack " + caller.stack());
        }
        return tuid;
    }
}
