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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control API of the simulator's faults, for demos, tests and benchmarks: JSON at {@value #PATH}. It has no
 * authentication (see {@link SimulatorConfig#simulatorSecurityFilterChain}) and exists only while the simulator is
 * enabled. {@code PUT} changes only the settings it names; errors are 400s in the simulator's error body.
 */
@RestController
@ConditionalOnSimulator
@RequestMapping(FaultController.PATH)
class FaultController {

    static final String PATH = SimulatorConfig.CONTROL_PATH + "/faults";

    private static final Pattern TUID = Pattern.compile("[A-Za-z0-9]{1,64}");

    /** Everything in force: the global settings, the rate limit and the per-device overrides by TUID. */
    record Faults(FaultSettings global, int rateLimit, Map<String, FaultSettings> devices) {}

    private final SimulatorFaults faults;
    private final SimulatorStore store;

    FaultController(SimulatorFaults faults, SimulatorStore store) {
        this.faults = faults;
        this.store = store;
    }

    @GetMapping
    Faults faults() {
        return new Faults(faults.global(), faults.rateLimit(), faults.devices());
    }

    @PutMapping
    Faults change(@RequestBody Map<String, @Nullable Object> body) {
        var request = FaultRequest.of(body, Set.of(FaultRequest.RATE_LIMIT));
        FaultSettings global = request.applyTo(faults.global());
        int rateLimit = request.rateLimit(faults.rateLimit());
        faults.setGlobal(global);
        faults.setRateLimit(rateLimit);
        return faults();
    }

    /** Heals the cloud: no faults, no overrides, the configured rate limit. */
    @DeleteMapping
    Faults reset() {
        faults.reset();
        return faults();
    }

    @GetMapping("/devices/{tuid}")
    FaultSettings device(@PathVariable String tuid) {
        return faults.device(known(tuid))
                .orElseThrow(() -> SimulatorException.notFound("Device " + tuid + " has no settings of its own"));
    }

    /** Settings left out are taken from what applies to the device now (its own, else the global ones). */
    @PutMapping("/devices/{tuid}")
    FaultSettings changeDevice(@PathVariable String tuid, @RequestBody Map<String, @Nullable Object> body) {
        var request = FaultRequest.of(body, Set.of());
        FaultSettings settings = request.applyTo(faults.effective(known(tuid)));
        faults.setDevice(tuid, settings);
        return settings;
    }

    @DeleteMapping("/devices/{tuid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDevice(@PathVariable String tuid) {
        faults.removeDevice(known(tuid));
    }

    private String known(String tuid) {
        if (!TUID.matcher(tuid).matches()) {
            throw SimulatorException.badRequest("A TUID is 1 to 64 letters and digits");
        }
        if (store.stacks().stream()
                .noneMatch(
                        stack -> store.read(stack, state -> state.device(tuid).isPresent()))) {
            throw SimulatorException.notFound("No simulated device " + tuid);
        }
        return tuid;
    }
}
