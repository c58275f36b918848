package io.thingseeportal.base;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to change when the simulator is on without the demo profile, instead of a stack trace. */
class SimulatorOutsideDemoFailureAnalyzer extends AbstractFailureAnalyzer<SimulatorOutsideDemoException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SimulatorOutsideDemoException cause) {
        return new FailureAnalysis(
                "The portal cannot start: the built-in Thingsee cloud simulator is enabled"
                        + " (portal.simulator.enabled=true, PORTAL_SIMULATOR_ENABLED) without the demo profile.",
                "For production, remove PORTAL_SIMULATOR_ENABLED (or set it to false) and give each tenant its real"
                        + " Thingsee API (docs/configuration.md); for the demo, run with --spring.profiles.active=demo.",
                cause);
    }
}
