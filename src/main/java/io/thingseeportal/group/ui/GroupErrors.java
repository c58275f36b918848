package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Component;
import io.thingseeportal.group.GroupAlreadyExistsException;
import io.thingseeportal.group.GroupNotFoundException;
import io.thingseeportal.thingsee.NoThingseeStackException;
import io.thingseeportal.thingsee.ThingseeException;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the group page tells a person when a change failed: Thingsee's own message where it gave one. */
final class GroupErrors {

    private static final Logger log = LoggerFactory.getLogger(GroupErrors.class);

    private GroupErrors() {}

    static String describe(Component on, @Nullable Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ThingseeException thingsee) {
            String message = thingsee.apiMessage().isBlank() ? thingsee.getMessage() : thingsee.apiMessage();
            return on.getTranslation("group.failure.thingsee", message);
        }
        if (cause instanceof GroupAlreadyExistsException exists) {
            return on.getTranslation("group.rename.exists", exists.groupId().value());
        }
        if (cause instanceof GroupNotFoundException missing) {
            return on.getTranslation("group.not-found", missing.groupId().value());
        }
        if (cause instanceof NoThingseeStackException) {
            return on.getTranslation("group.error.no-stack");
        }
        log.warn("A group change failed", cause);
        return on.getTranslation("group.error.unexpected");
    }
}
