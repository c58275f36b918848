package io.thingseeportal.security.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.thingseeportal.security.SignInProblems;

/**
 * Where a failed sign-in ends: it says what went wrong (for example an account without a portal role, or an
 * organisation the portal does not know) and offers to sign in again.
 */
@Route(value = "sign-in-problem", autoLayout = false)
@AnonymousAllowed
class SignInProblemView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var session = VaadinSession.getCurrent().getSession();
        String problem = SignInProblems.takeLastProblem(session)
                .map(known -> getTranslation("sign-in-problem." + known.code(), known.arguments()))
                .orElse(getTranslation("sign-in-problem.unknown"));
        var retry = new Anchor("/", getTranslation("sign-in-problem.retry"));
        retry.setRouterIgnore(true);
        retry.setId("sign-in-again");
        getContent().removeAll();
        getContent().add(new H2(getTranslation("sign-in-problem.title")), new Paragraph(problem), retry);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sign-in-problem.title");
    }
}
