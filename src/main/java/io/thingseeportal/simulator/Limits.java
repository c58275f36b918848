package io.thingseeportal.simulator;

/** The {@code limit} query parameter: 0 means all (as Haltian's Toolbox uses it), a negative one is refused. */
final class Limits {

    private Limits() {}

    static long of(int limit) {
        if (limit < 0) {
            throw SimulatorException.badRequest("limit must not be negative");
        }
        return limit == 0 ? Long.MAX_VALUE : limit;
    }
}
