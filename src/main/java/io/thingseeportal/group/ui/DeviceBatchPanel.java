package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.Command;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.ui.BulkProgressPanel;
import io.thingseeportal.group.DeviceBatchReport;
import io.thingseeportal.group.DeviceFailure;
import io.thingseeportal.group.GroupService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Follows a change of many devices, a job of the bulk-work engine: the engine's progress (counts per state, the time
 * left, pause and cancel), then a report naming each failed device and why, and "Retry failed", which runs the same
 * change again for exactly those devices.
 */
class DeviceBatchPanel extends Composite<VerticalLayout> {

    /** Submits the change for these devices; the future gives the job's id. */
    interface Operation {
        CompletableFuture<Long> start(List<String> tuids);
    }

    private final BulkJobs jobs;
    private final GroupService groups;
    private final Div progress = new Div();
    private final Span count = new Span();
    private final Span summary = new Span();
    private final Grid<DeviceFailure> failures = new Grid<>();
    private final Button retry = new Button();
    private final SerializableConsumer<Boolean> busy;
    private final SerializableConsumer<DeviceBatchReport> whenDone;
    private Operation operation = tuids -> CompletableFuture.failedFuture(new IllegalStateException());
    private List<String> lastTuids = List.of();
    private String doneKey = "";

    /**
     * @param busy told true when a change starts and false when it ends, so that no other starts meanwhile
     * @param whenDone told of each report, failed devices or not
     */
    DeviceBatchPanel(
            BulkJobs jobs,
            GroupService groups,
            SerializableConsumer<Boolean> busy,
            SerializableConsumer<DeviceBatchReport> whenDone) {
        this.jobs = jobs;
        this.groups = groups;
        this.busy = busy;
        this.whenDone = whenDone;
        count.setId("batch-count");
        summary.setId("batch-summary");
        failures.setId("batch-failures");
        failures.addColumn(DeviceFailure::tuid)
                .setHeader(getTranslation("group.devices.tuid"))
                .setAutoWidth(true);
        failures.addColumn(this::reason).setHeader(getTranslation("group.batch.reason"));
        failures.setAllRowsVisible(true);
        retry.setText(getTranslation("group.batch.retry"));
        retry.setId("retry-failed");
        retry.addClickListener(click -> run(lastTuids));
        getContent().setPadding(false);
        getContent().add(progress, count, summary, failures, retry);
        setVisible(false);
    }

    /**
     * @param doneKey the translation of the summary: {0} devices changed of {1}, {2} failed
     */
    void start(Operation operation, List<String> tuids, String doneKey) {
        this.operation = operation;
        this.doneKey = doneKey;
        run(tuids);
    }

    private void run(List<String> tuids) {
        UI ui = UI.getCurrent();
        lastTuids = List.copyOf(tuids);
        setVisible(true);
        progress.removeAll();
        count.setText("");
        summary.setText("");
        failures.setVisible(false);
        retry.setVisible(false);
        busy.accept(true);
        try {
            operation
                    .start(tuids)
                    .whenComplete((jobId, error) -> access(ui, () -> {
                        if (jobId == null) {
                            finish(null, error);
                        } else {
                            follow(jobId);
                        }
                    }));
        } catch (RuntimeException refused) {
            finish(null, refused);
        }
    }

    private void follow(long jobId) {
        var panel = new BulkProgressPanel(jobs, jobId, true, false);
        // Hidden, not removed: it tells of the end while it attaches, when it cannot leave its parent yet.
        panel.onComplete(done -> {
            panel.setVisible(false);
            finish(groups.report(jobId).orElseThrow(), null);
        });
        progress.add(panel);
    }

    private void finish(@Nullable DeviceBatchReport report, @Nullable Throwable error) {
        busy.accept(false);
        if (report == null) {
            summary.setText(GroupErrors.describe(this, error));
            retry.setVisible(true);
            return;
        }
        count.setText(getTranslation(
                "group.batch.count",
                String.valueOf(report.total()),
                String.valueOf(report.total()),
                String.valueOf(report.failures().size())));
        summary.setText(getTranslation(
                doneKey,
                String.valueOf(report.succeeded().size()),
                String.valueOf(report.total()),
                String.valueOf(report.failures().size())));
        failures.setItems(report.failures());
        failures.setVisible(!report.failures().isEmpty());
        retry.setVisible(!report.failures().isEmpty());
        lastTuids = report.failedTuids();
        whenDone.accept(report);
    }

    private String reason(DeviceFailure failure) {
        return failure.reason() == DeviceFailure.Reason.THINGSEE
                ? getTranslation(failure.reason().messageKey(), failure.message())
                : getTranslation(failure.reason().messageKey());
    }

    /** The view may be gone by the time the background work reports; then nobody needs to hear of it. */
    static void access(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // Closed or navigated away: the change goes on and is recorded; only the view's update is dropped.
        }
    }
}
