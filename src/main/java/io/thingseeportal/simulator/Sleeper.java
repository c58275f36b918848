package io.thingseeportal.simulator;

import java.time.Duration;

/** Waits on the calling thread; a seam so that tests can see the latency the simulator adds without waiting. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
