package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import io.thingseeportal.group.GroupAlreadyExistsException;
import io.thingseeportal.thingsee.NoThingseeStackException;
import io.thingseeportal.thingsee.ThingseeException;

/**
 * Why the group was not created, in the wizard itself (not in a notification that disappears), with the API's own
 * message; a group that exists already can be opened from here.
 */
class GroupCreateFailure extends Composite<Div> {

    GroupCreateFailure() {
        getContent().setId("create-failure");
        getContent().addClassName("group-wizard-failure");
        getContent().getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    void show(Throwable cause) {
        getContent().removeAll();
        getContent().add(new Paragraph(text(cause)));
        if (cause instanceof GroupAlreadyExistsException exists) {
            String id = exists.groupId().value();
            var open = new Anchor(GroupWizardView.GROUP_PAGE + id, getTranslation("group.wizard.open-existing", id));
            open.setId("open-existing");
            getContent().add(open);
        }
        setVisible(true);
    }

    private String text(Throwable cause) {
        if (cause instanceof GroupAlreadyExistsException exists) {
            return getTranslation("group.wizard.failed.exists", exists.groupId().value());
        }
        if (cause instanceof NoThingseeStackException) {
            return getTranslation("group.wizard.failed.no-stack");
        }
        if (cause instanceof ThingseeException thingsee) {
            return getTranslation(key(thingsee), said(thingsee));
        }
        // Logged with an incident id by the session's error handler, which also tells the user that id.
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(cause));
        return getTranslation("group.wizard.failed.unexpected");
    }

    private static String said(ThingseeException failure) {
        if (!failure.apiMessage().isBlank()) {
            return failure.apiMessage();
        }
        return failure.status() == 0 ? failure.reason() : failure.status() + " " + failure.reason();
    }

    private static String key(ThingseeException failure) {
        if (failure instanceof ThingseeException.Unavailable) {
            return "group.wizard.failed.unavailable";
        }
        if (failure instanceof ThingseeException.RateLimited) {
            return "group.wizard.failed.rate-limited";
        }
        if (failure instanceof ThingseeException.BadCredentials) {
            return "group.wizard.failed.credentials";
        }
        return "group.wizard.failed.thingsee";
    }
}
