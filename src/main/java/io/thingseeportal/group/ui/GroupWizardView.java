package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin creates a deployment group step by step: environment, country, name and description, review. The group is
 * created in Thingsee in the background; a failure is explained here and every input stays as it was.
 */
@Route("groups/new")
@RolesAllowed(AppRoles.ADMIN)
class GroupWizardView extends Composite<VerticalLayout> implements HasDynamicTitle {

    /** Where a group's own page lives: this followed by its id. */
    static final String GROUP_PAGE = "groups/";

    private static final Logger log = LoggerFactory.getLogger(GroupWizardView.class);
    private static final int REVIEW = GroupWizardForm.STEPS;
    private static final List<String> STEP_TITLES = List.of(
            "group.wizard.step.environment",
            "group.wizard.step.country",
            "group.wizard.step.name",
            "group.wizard.step.review");

    private final GroupService groups;
    private final GroupWizardForm form;
    private final GroupReview review;
    private final Span stepTitle = new Span();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button create = new Button();
    private final Div progress = new Div();
    private final GroupCreateFailure failure = new GroupCreateFailure();
    private int step;
    private boolean running;

    GroupWizardView(GroupService groups, TenantService tenants) {
        this.groups = groups;
        form = new GroupWizardForm(tenants.currentSettings().defaultCountry());
        review = new GroupReview(form, this::goTo);

        stepTitle.setId("wizard-step");
        stepTitle.addClassName("group-wizard-step");
        button(back, "back", "group.wizard.back", () -> goTo(step - 1));
        button(next, "next", "group.wizard.next", () -> {
            if (form.check(step)) {
                goTo(step + 1);
            }
        });
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button(create, "create", "group.wizard.create", this::create);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        var cancel = new Anchor("groups", getTranslation("group.wizard.cancel"));
        cancel.setId("cancel");
        var buttons = new HorizontalLayout(back, next, create, cancel);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        buttons.addClassName("group-wizard-buttons");

        var bar = new ProgressBar();
        bar.setIndeterminate(true);
        progress.setId("create-progress");
        progress.add(new Span(getTranslation("group.wizard.creating")), bar);
        progress.setVisible(false);

        getContent().add(new H2(getTranslation("group.wizard.title")), stepTitle, form, review, progress);
        getContent().add(failure, buttons);
        getContent().addClassName("group-wizard");
        goTo(0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("group.wizard.title");
    }

    private void goTo(int target) {
        step = Math.max(0, Math.min(REVIEW, target));
        form.showStep(step);
        Optional<GroupId> id = form.draft().id();
        if (step == REVIEW && id.isPresent()) {
            review.show(form.draft(), id.get());
        }
        review.setVisible(step == REVIEW);
        failure.setVisible(false);
        stepTitle.setText(
                getTranslation("group.wizard.step", step + 1, REVIEW + 1, getTranslation(STEP_TITLES.get(step))));
        back.setVisible(step > 0);
        next.setVisible(step < REVIEW);
        create.setVisible(step == REVIEW);
    }

    private void create() {
        Optional<GroupId> id = form.draft().id();
        if (running) {
            return;
        }
        if (id.isEmpty()) {
            create.setEnabled(true);
            return;
        }
        showRunning(true);
        UI ui = UI.getCurrent();
        try {
            groups.createInBackground(id.get(), form.draft().description())
                    .whenComplete((group, error) -> access(ui, () -> finished(id.get(), error)));
        } catch (RuntimeException refused) {
            showRunning(false);
            throw refused;
        }
    }

    private void finished(GroupId id, @Nullable Throwable error) {
        showRunning(false);
        if (error == null) {
            Notification.show(
                            getTranslation("group.wizard.created", id.value()),
                            5000,
                            Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(GROUP_PAGE + id.value());
            return;
        }
        failure.show(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
    }

    private void showRunning(boolean on) {
        running = on;
        create.setEnabled(!on);
        back.setEnabled(!on);
        review.setChangeEnabled(!on);
        progress.setVisible(on);
        if (on) {
            failure.setVisible(false);
        }
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // The admin left the page; the group was created or not, and the list shows which.
            log.debug("The group wizard was closed before the group was created", gone);
        }
    }

    private void button(Button button, String id, String textKey, Runnable action) {
        button.setText(getTranslation(textKey));
        button.setId(id);
        button.addClickListener(click -> action.run());
    }
}
