package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupSyncDifference;
import io.thingseeportal.group.GroupSyncProgress;
import io.thingseeportal.group.GroupSyncService;
import io.thingseeportal.group.GroupSyncStatus;
import io.thingseeportal.group.GroupSyncSummary;
import io.thingseeportal.thingsee.NoThingseeStackException;
import io.thingseeportal.thingsee.ThingseeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group list's part about Thingsee: when the groups were last synced, "Sync now" for admins (run in the background,
 * with a progress bar and then a summary) and what the last sync found different.
 */
class GroupSyncPanel extends Composite<VerticalLayout> {

    private static final Logger log = LoggerFactory.getLogger(GroupSyncPanel.class);

    private final GroupSyncService sync;
    private final Runnable onSynced;
    private final Span status = new Span();
    private final Span result = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span steps = new Span();
    private final Button syncNow = new Button();
    private final Grid<GroupSyncDifference> differences = new Grid<>();
    private final Details differencesPanel = new Details();
    private final DateTimeFormatter dateTime;

    GroupSyncPanel(GroupSyncService sync, boolean mayStart, Runnable onSynced) {
        this.sync = sync;
        this.onSynced = onSynced;
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());

        status.setId("sync-status");
        result.setId("sync-result");
        result.setVisible(false);
        progress.setId("sync-progress");
        progress.setVisible(false);
        progress.setWidth("12rem");
        steps.setId("sync-steps");
        steps.setVisible(false);
        var line = new HorizontalLayout();
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (mayStart) {
            syncNow.setText(getTranslation("groups.sync.now"));
            syncNow.setIcon(VaadinIcon.REFRESH.create());
            syncNow.setId("sync-now");
            syncNow.addClickListener(click -> start());
            line.add(syncNow);
        }
        line.add(status, progress, steps);
        line.setWrap(true);

        differences.setId("sync-differences");
        differences
                .addColumn(this::describe)
                .setHeader(getTranslation("groups.differences.column.what"))
                .setFlexGrow(3);
        differences
                .addColumn(difference -> dateTime.format(difference.foundAt()))
                .setHeader(getTranslation("groups.differences.column.found"))
                .setAutoWidth(true);
        differences.setItems(query -> sync.differences(query.getOffset(), query.getLimit()).stream(), query ->
                (int) sync.status().differences());
        differences.setHeight("14rem");
        differencesPanel.setId("sync-differences-panel");
        differencesPanel.add(differences);
        differencesPanel.setWidthFull();

        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(line, result, differencesPanel);
        show(sync.status());
    }

    private void start() {
        UI ui = UI.getCurrent();
        syncNow.setEnabled(false);
        result.setVisible(false);
        progress.setValue(0);
        progress.setVisible(true);
        steps.setText("");
        steps.setVisible(true);
        status.setText(getTranslation("groups.sync.running"));
        try {
            sync.syncNow(step -> push(ui, () -> showProgress(step)))
                    .whenComplete((summary, failure) -> push(ui, () -> finished(summary, failure)));
        } catch (NoThingseeStackException e) {
            finished(null, e);
        }
    }

    /** The bar, and in words which stage it is at and how many of the steps known so far are done. */
    private void showProgress(GroupSyncProgress step) {
        progress.setValue(step.fraction());
        steps.setText(getTranslation(
                "groups.sync.steps",
                getTranslation(step.stage().messageKey()),
                String.valueOf(step.done()),
                String.valueOf(step.total())));
    }

    private void finished(@Nullable GroupSyncSummary summary, @Nullable Throwable failure) {
        syncNow.setEnabled(true);
        progress.setVisible(false);
        steps.setVisible(false);
        result.setVisible(true);
        result.getElement().getThemeList().clear();
        if (summary != null) {
            result.setText(getTranslation(
                    "groups.sync.summary", summary.groupsImported(), summary.devicesImported(), summary.differences()));
            result.getElement().getThemeList().add("badge success");
            onSynced.run();
            differences.getDataProvider().refreshAll();
            GroupSyncStatus now = sync.status();
            show(now);
            differencesPanel.setOpened(now.differences() > 0);
        } else {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            result.setText(message(cause));
            result.getElement().getThemeList().add("badge error");
            show(sync.status());
        }
    }

    private String message(@Nullable Throwable failure) {
        if (failure instanceof ThingseeException thingsee) {
            return getTranslation("groups.sync.failed", thingsee.getMessage());
        }
        if (failure instanceof NoThingseeStackException) {
            return getTranslation("groups.sync.no-stack");
        }
        log.error("Sync with Thingsee failed", failure);
        return getTranslation("groups.sync.error");
    }

    private void show(GroupSyncStatus current) {
        status.setText(
                current.lastSyncedAt() == null
                        ? getTranslation("groups.sync.never")
                        : getTranslation("groups.sync.last", dateTime.format(current.lastSyncedAt())));
        differencesPanel.setSummaryText(getTranslation("groups.differences", current.differences()));
        differencesPanel.setVisible(current.differences() > 0);
    }

    private String describe(GroupSyncDifference difference) {
        String reason = GroupId.problemOf(difference.subject())
                .map(problem ->
                        getTranslation(problem.messageKey(), problem.arguments().toArray()))
                .orElse("");
        return getTranslation(
                difference.kind().messageKey(),
                difference.subject(),
                nonNull(difference.portalGroupId()),
                nonNull(difference.thingseeGroupId()),
                reason);
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }

    /** Updates the page from the sync's thread; once the user has left it, there is nothing to update. */
    private static void push(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            log.debug("The group list was closed before the sync finished");
        }
    }
}
