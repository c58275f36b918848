package io.thingseeportal.deviceconfig.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkItemView;
import io.thingseeportal.bulk.BulkJobNotFoundException;
import io.thingseeportal.bulk.BulkJobView;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.ui.BulkProgressPanel;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.ui.DeferredRefresh;
import io.thingseeportal.device.ui.ValueFormat;
import io.thingseeportal.deviceconfig.CommandState;
import io.thingseeportal.deviceconfig.ConfigurationRollouts;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One rollout: the engine's progress (counts per state, time left, pause, resume, cancel), how many of its commands
 * the devices have confirmed so far, and the devices skipped or failed with the reason. It follows the job and the
 * changes of the tenant's commands (echoes, time-outs) live while it is open; the devices' reports alone do not wake it.
 */
@Route("rollouts/:jobId")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
class RolloutView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final BulkJobs jobs;
    private final ConfigurationRollouts rollouts;
    private final DeviceUpdates updates;
    private final CurrentUser currentUser;
    private final Paragraph commands = new Paragraph();
    private final Grid<BulkItemView> leftOut = new Grid<>();
    /** The job moved on (and every second anyway): the devices left out are read again. */
    private final DeferredRefresh jobRefresh = new DeferredRefresh(this, this::showLeftOut);
    /** Commands changed: they are counted again, and only then. */
    private final DeferredRefresh commandsRefresh = new DeferredRefresh(this, this::showCommands);

    private final List<Registration> live = new ArrayList<>();
    private long jobId = -1;
    private @Nullable BulkProgressPanel progress;

    RolloutView(BulkJobs jobs, ConfigurationRollouts rollouts, DeviceUpdates updates, CurrentUser currentUser) {
        this.jobs = jobs;
        this.rollouts = rollouts;
        this.updates = updates;
        this.currentUser = currentUser;
        commands.setId("rollout-commands");
        leftOut.setId("rollout-left-out");
        leftOut.setAllRowsVisible(true);
        leftOut.addColumn(BulkItemView::key).setHeader(getTranslation("rollout.column.device"));
        leftOut.addColumn(item ->
                        getTranslation("bulk.state." + item.state().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("rollout.column.state"));
        leftOut.addColumn(
                        item -> item.message().startsWith("rollout.") ? getTranslation(item.message()) : item.message())
                .setHeader(getTranslation("rollout.column.reason"))
                .setFlexGrow(2);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        getContent().removeAll();
        unfollow();
        BulkJobView job = event.getRouteParameters()
                .get("jobId")
                .flatMap(RolloutView::number)
                .flatMap(this::rollout)
                .orElse(null);
        if (job == null) {
            jobId = -1;
            getContent().add(new Paragraph(getTranslation("rollout.not-found")));
            return;
        }
        jobId = job.id();
        boolean admin = currentUser.require().hasRole(AppRoles.ADMIN);
        progress = new BulkProgressPanel(jobs, jobId, admin, admin);
        getContent()
                .add(
                        new H2(getTranslation("rollout.heading", job.subject())),
                        new Paragraph(getTranslation(
                                "rollout.by", job.createdBy(), ValueFormat.dateTime(job.createdAt(), getLocale()))),
                        progress,
                        commands,
                        new H3(getTranslation("rollout.left-out")),
                        leftOut,
                        new Anchor("commands?job=" + jobId, getTranslation("rollout.all-commands")));
        showCommands();
        showLeftOut();
        getUI().ifPresent(this::follow);
    }

    private Optional<BulkJobView> rollout(long id) {
        try {
            return Optional.of(jobs.job(id)).filter(job -> job.kind().equals("deviceconfig.rollout"));
        } catch (BulkJobNotFoundException notOurs) {
            return Optional.empty();
        }
    }

    private void showCommands() {
        if (jobId < 0) {
            return;
        }
        Map<CommandState, Integer> states = rollouts.commandStates(jobId);
        List<String> parts = new ArrayList<>();
        for (CommandState state : CommandState.values()) {
            int count = states.getOrDefault(state, 0);
            if (count > 0) {
                parts.add(getTranslation("commands.state." + state.name()) + " " + count);
            }
        }
        commands.setText(getTranslation(
                "rollout.commands",
                parts.isEmpty() ? getTranslation("rollout.commands.none") : String.join(" · ", parts)));
    }

    private void showLeftOut() {
        if (jobId < 0) {
            return;
        }
        leftOut.setItems(jobs.items(jobId, EnumSet.of(BulkItemState.SKIPPED, BulkItemState.FAILED)));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        follow(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unfollow();
    }

    private void follow(UI ui) {
        unfollow();
        if (jobId >= 0) {
            live.add(jobs.subscribe(jobId, () -> jobRefresh.request(ui)));
            live.add(updates.subscribeToCommands(changed -> commandsRefresh.request(ui)));
            // What changed between the first count and the subscription (the last sends of a rollout opened as it
            // ends) would otherwise show only with the next change of a command.
            commandsRefresh.request(ui);
        }
    }

    private void unfollow() {
        live.forEach(Registration::remove);
        live.clear();
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rollout.title");
    }
}
