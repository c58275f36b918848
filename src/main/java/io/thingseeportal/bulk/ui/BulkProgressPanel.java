package io.thingseeportal.bulk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import io.thingseeportal.bulk.BulkItemState;
import io.thingseeportal.bulk.BulkJobState;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.bulk.BulkProgress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Follows one job of the bulk-work engine: a progress bar, the count of items in each state, the elapsed time and an
 * estimate of the time left, and for those who may steer it, pause, resume, cancel and retry-failed buttons. Updates
 * are pushed a few times a second at most while it is attached; it tells {@link #onComplete} listeners once the job has
 * finished and its handler has had its say.
 */
public class BulkProgressPanel extends Composite<VerticalLayout> {

    private static final List<BulkItemState> SHOWN = List.of(
            BulkItemState.SUCCEEDED,
            BulkItemState.FAILED,
            BulkItemState.SKIPPED,
            BulkItemState.CANCELED,
            BulkItemState.RUNNING,
            BulkItemState.PENDING);

    private final BulkJobs jobs;
    private final long jobId;
    private final ProgressBar bar = new ProgressBar();
    private final Span state = new Span();
    private final Span counts = new Span();
    private final Span time = new Span();
    private final Button pause = new Button();
    private final Button resume = new Button();
    private final Button cancel = new Button();
    private final Button retry = new Button();
    private final boolean retryShown;
    private @Nullable SerializableConsumer<BulkProgress> onComplete;
    private @Nullable Registration subscription;
    private boolean completeTold;

    /**
     * @param steer whether to show the buttons that steer the job (the service checks the role again)
     * @param retryShown whether to show "retry failed" (a feature that retries in a job of its own hides it)
     */
    public BulkProgressPanel(BulkJobs jobs, long jobId, boolean steer, boolean retryShown) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.retryShown = retryShown;
        bar.setId("bulk-progress");
        state.setId("bulk-state");
        counts.setId("bulk-counts");
        time.setId("bulk-time");
        button(pause, "bulk-pause", "bulk.pause", () -> jobs.pause(jobId));
        button(resume, "bulk-resume", "bulk.resume", () -> jobs.resume(jobId));
        button(cancel, "bulk-cancel", "bulk.cancel", () -> jobs.cancel(jobId));
        button(retry, "bulk-retry-failed", "bulk.retry-failed", () -> {
            completeTold = false;
            jobs.retryFailed(jobId);
        });
        var buttons = new HorizontalLayout(pause, resume, cancel, retry);
        buttons.setVisible(steer);
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(bar, state, counts, time, buttons);
    }

    /** Tells {@code listener} once the job is complete (again after a retry of its failed items). */
    public void onComplete(SerializableConsumer<BulkProgress> listener) {
        this.onComplete = listener;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        refresh();
        subscription = jobs.subscribe(jobId, () -> {
            try {
                ui.access(this::refresh);
            } catch (UIDetachedException gone) {
                // Closed meanwhile: onDetach removes the subscription.
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    /** Reads the job's progress and shows it. */
    public void refresh() {
        BulkProgress progress = jobs.progress(jobId);
        bar.setMax(Math.max(1, progress.total()));
        bar.setValue(progress.finished());
        state.setText(getTranslation("bulk.job." + progress.state().name().toLowerCase(Locale.ROOT)));
        counts.setText(SHOWN.stream()
                .filter(shown -> progress.count(shown) > 0)
                .map(shown -> getTranslation(
                        "bulk.count",
                        getTranslation("bulk.state." + shown.name().toLowerCase(Locale.ROOT)),
                        String.valueOf(progress.count(shown))))
                .collect(Collectors.joining(" · ")));
        Duration left = progress.timeLeft();
        time.setText(
                left == null
                        ? getTranslation("bulk.elapsed", format(progress.elapsed()))
                        : getTranslation("bulk.elapsed", format(progress.elapsed())) + " · "
                                + getTranslation("bulk.time-left", format(left)));
        pause.setVisible(progress.state() == BulkJobState.RUNNING);
        resume.setVisible(progress.state() == BulkJobState.PAUSED);
        cancel.setVisible(!progress.state().isFinal());
        retry.setVisible(retryShown && progress.complete() && progress.count(BulkItemState.FAILED) > 0);
        if (progress.complete() && !completeTold) {
            completeTold = true;
            if (onComplete != null) {
                onComplete.accept(progress);
            }
        }
    }

    /** "1:05" or "1:02:05". */
    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void button(Button button, String id, String key, Runnable action) {
        button.setText(getTranslation(key));
        button.setId(id);
        button.addClickListener(click -> {
            action.run();
            refresh();
        });
    }
}
