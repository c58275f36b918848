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
 * Where a person lands whom their organisation's provider signed in but whose claims give no portal role: not an
 * error, but a polite "no access" that names their organisation and the admin to ask.
 */
@Route(value = "no-access", autoLayout = false)
@AnonymousAllowed
class NoAccessView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var problem = SignInProblems.takeLastProblem(VaadinSession.getCurrent().getSession())
                .filter(SignInProblems.Problem::isNoAccess);
        getContent().removeAll();
        getContent().addClassName("portal-error");
        getContent().add(new H2(getTranslation("no-access.title")));
        if (problem.isEmpty()) {
            getContent().add(new Paragraph(getTranslation("no-access.unknown")));
        } else {
            String organisation = problem.get().details().get(0);
            String admin = problem.get().details().get(1);
            var explanation = new Paragraph(getTranslation("no-access.organisation", organisation));
            explanation.setId("no-access-organisation");
            var ask = new Paragraph(
                    admin.isEmpty()
                            ? getTranslation("no-access.ask-admins", organisation)
                            : getTranslation("no-access.ask", admin, organisation));
            ask.setId("no-access-ask");
            getContent().add(explanation, ask);
        }
        var again = new Anchor("/", getTranslation("no-access.sign-in-again"));
        again.setRouterIgnore(true);
        again.setId("sign-in-again");
        getContent().add(again);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("no-access.title");
    }
}
