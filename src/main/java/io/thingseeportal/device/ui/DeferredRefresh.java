package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A live view's refresh, run just before the portal's next response to the browser. A view asks for it from any thread
 * ({@link #request}) whenever its data changed. While the browser is connected, the request's own push is that next
 * response, so the refresh runs at once. While it is not (a phone asleep or out of signal, a tab closed whose unload
 * never reached the portal and whose UI waits for its missed heartbeats), nothing is read or rendered: the requests
 * since the last response are one refresh, run when the browser connects again and is sent what changed meanwhile.
 *
 * <p>Not thread safe by itself: its state is touched only with the UI's session locked.
 */
public final class DeferredRefresh {

    private final Component owner;
    private final Runnable refresh;
    private boolean scheduled;

    /**
     * @param owner the view that refreshes: the refresh runs only while it is attached (Flow keeps a refresh scheduled
     *     for a detached view until the view is attached again)
     * @param refresh what the view reads and shows again; run with the session locked
     */
    public DeferredRefresh(Component owner, Runnable refresh) {
        this.owner = owner;
        this.refresh = refresh;
    }

    /** From any thread: the view's data changed. */
    public void request(UI ui) {
        request(ui, () -> {});
    }

    /** From any thread: the view's data changed, and {@code note} (run with the session locked) notes how. */
    void request(UI ui, Command note) {
        try {
            ui.access(() -> {
                note.execute();
                schedule();
            });
        } catch (UIDetachedException closed) {
            // The page was closed between the change and its delivery; the view unsubscribes when it detaches.
        }
    }

    /** With the session locked: the refresh runs before the next response, once however often this is called. */
    void schedule() {
        if (scheduled) {
            return;
        }
        owner.getUI().ifPresent(ui -> {
            scheduled = true;
            ui.beforeClientResponse(owner, context -> {
                scheduled = false;
                refresh.run();
            });
        });
    }

    /**
     * A refresh of the rows of changed devices (a list's, a group's): the devices told of until the next response are
     * handed over together.
     */
    public static final class OfDevices {

        /** Touched with the session locked only. */
        private final Set<String> changed = new HashSet<>();

        private final DeferredRefresh refresh;

        /** @param refreshRows reads and shows these devices' rows again; run with the session locked */
        public OfDevices(Component owner, Consumer<Set<String>> refreshRows) {
            this.refresh = new DeferredRefresh(owner, () -> {
                Set<String> tuids = Set.copyOf(changed);
                changed.clear();
                refreshRows.accept(tuids);
            });
        }

        /** From any thread: these devices changed. */
        public void request(UI ui, Set<String> tuids) {
            refresh.request(ui, () -> changed.addAll(tuids));
        }
    }
}
