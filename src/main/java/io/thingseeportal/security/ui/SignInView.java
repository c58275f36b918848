package io.thingseeportal.security.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.thingseeportal.security.SignInChoices;
import io.thingseeportal.security.SignInChoices.Choice;
import java.util.List;

/**
 * Where signing in starts: each organisation signs in at its own identity provider, so the page first finds the
 * user's organisation, from the host name ({@code acme.portal.example}), from the e-mail address they type, or from
 * the list, and then offers that organisation's sign-in. Operators have their own.
 */
@Route(value = "sign-in", autoLayout = false)
@AnonymousAllowed
class SignInView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final SignInChoices choices;

    SignInView(SignInChoices choices) {
        this.choices = choices;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VerticalLayout content = getContent();
        content.removeAll();
        content.addClassName("sign-in");
        content.add(new H2(getTranslation("sign-in.title")));
        var request = VaadinServletRequest.getCurrent();
        var forHost = request == null ? java.util.Optional.<Choice>empty() : choices.forHost(request.getServerName());
        forHost.ifPresentOrElse(choice -> content.add(choiceLink(choice, true)), () -> content.add(byEmail()));
        List<Choice> organisations = choices.organisations();
        if (!organisations.isEmpty()) {
            var list = new Div();
            list.setId("organisations");
            list.addClassName("sign-in-organisations");
            organisations.stream().map(choice -> choiceLink(choice, false)).forEach(list::add);
            content.add(new H3(getTranslation("sign-in.organisations")), list);
        }
        Anchor operators = choiceLink(choices.operators(), false);
        operators.setClassName("sign-in-operators");
        content.add(new Paragraph(operators));
    }

    private VerticalLayout byEmail() {
        var email = new EmailField(getTranslation("sign-in.email"));
        email.setId("sign-in-email");
        email.setPlaceholder("name@company.com");
        email.setWidthFull();
        email.setClearButtonVisible(true);
        var next = new Button(getTranslation("sign-in.continue"));
        next.setId("sign-in-continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        next.addClickListener(click -> {
            String address = email.getValue().trim();
            choices.forEmail(address)
                    .ifPresentOrElse(
                            choice -> getUI().ifPresent(ui -> ui.getPage().setLocation(choice.href())), () -> {
                                email.setInvalid(true);
                                email.setErrorMessage(
                                        address.contains("@") && !address.endsWith("@")
                                                ? getTranslation(
                                                        "sign-in.email.unknown",
                                                        address.substring(address.lastIndexOf('@') + 1))
                                                : getTranslation("sign-in.email.invalid"));
                            });
        });
        var form = new VerticalLayout(email, next);
        form.setPadding(false);
        return form;
    }

    private Anchor choiceLink(Choice choice, boolean primary) {
        var link = new Anchor(choice.href(), primary ? getTranslation("sign-in.with", choice.label()) : choice.label());
        // The host's organisation is in the list too: the link on top has an id of its own.
        link.setId(primary ? "sign-in-primary" : choice.id());
        link.setRouterIgnore(true);
        link.addClassName(primary ? "sign-in-primary" : "sign-in-choice");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sign-in.title");
    }
}
