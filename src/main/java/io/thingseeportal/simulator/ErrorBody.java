package io.thingseeportal.simulator;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** Every error of the simulated cloud, in the Hapi/Boom shape Haltian's apps parse (REFERENCE.md 9.1). */
record ErrorBody(int statusCode, String error, String message) {

    static ErrorBody of(HttpStatusCode status, String message) {
        var known = HttpStatus.resolve(status.value());
        return new ErrorBody(status.value(), known == null ? "Error" : known.getReasonPhrase(), message);
    }
}
