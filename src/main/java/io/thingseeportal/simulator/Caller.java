package io.thingseeportal.simulator;

/**
 * Who is calling, from a valid bearer token: the stack it opens and the API client that asked for it.
 *
 * @param clientId the {@code responsible} of the commands it sends
 */
record Caller(String stack, String clientId) {

    /** The request attribute under which {@link BearerTokenInterceptor} leaves the caller for the handlers. */
    static final String ATTRIBUTE = "io.thingseeportal.simulator.Caller";
}
