package io.thingseeportal.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure inside the simulator into {@link ErrorBody}, so that no client ever sees a Spring error page;
 * bad input is a 400, never a 500.
 */
@ConditionalOnSimulator
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = SimulatorErrors.class)
class SimulatorErrors {

    private static final Logger log = LoggerFactory.getLogger(SimulatorErrors.class);

    @ExceptionHandler
    ResponseEntity<ErrorBody> simulated(SimulatorException e) {
        var response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(ErrorBody.of(e.status(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> unreadableBody(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "Invalid request payload JSON format");
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "Query parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "Invalid value of " + e.getName());
    }

    /** Wrong method, media type and the like carry their status; anything else is the simulator's own fault. */
    @ExceptionHandler
    ResponseEntity<ErrorBody> other(Exception e) {
        if (e instanceof ErrorResponse known) {
            var status = known.getStatusCode();
            var detail = known.getBody().getDetail();
            return ResponseEntity.status(status)
                    .body(ErrorBody.of(status, detail == null ? "Request not accepted" : detail));
        }
        log.error("The simulator failed on a request", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "An internal server error occurred");
    }

    private static ResponseEntity<ErrorBody> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ErrorBody.of(status, message));
    }
}
