package io.thingseeportal.base.ui;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs an unexpected error under a short incident id that the user can quote to support. */
@Component
class Incidents {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);

    String record(Throwable error) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Incident {}: {}", incident, error.getMessage(), error);
        return incident;
    }
}
