package io.thingseeportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a view that failed to open: a friendly text and the incident id; the details are in the log. */
@AnonymousAllowed
class InternalErrorView extends Div implements HasErrorParameter<Exception> {

    private final Incidents incidents;

    InternalErrorView(Incidents incidents) {
        this.incidents = incidents;
        addClassName("portal-error");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String incident = incidents.record(parameter.getCaughtException());
        removeAll();
        add(new H2(getTranslation("error.title")), new Paragraph(getTranslation("error.unexpected", incident)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
