package io.thingseeportal.base;

/**
 * The built-in Thingsee cloud simulator was switched on outside the demo: its control API and fault page change a
 * simulated cloud that no production portal may take for Thingsee's.
 */
public class SimulatorOutsideDemoException extends RuntimeException {

    public SimulatorOutsideDemoException() {
        super("portal.simulator.enabled=true needs the demo profile (--spring.profiles.active=demo): the simulator"
                + " stands in for Thingsee's cloud and must never answer a production portal");
    }
}
