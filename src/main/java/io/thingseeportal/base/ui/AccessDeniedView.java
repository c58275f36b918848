package io.thingseeportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a signed-in user opens a page their role may not open. */
@AnonymousAllowed
class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    AccessDeniedView() {
        setId("access-denied");
        addClassName("portal-error");
        add(
                new H2(getTranslation("access-denied.title")),
                new Paragraph(getTranslation("access-denied.text")),
                new RouterLink(getTranslation("access-denied.home"), StartView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
