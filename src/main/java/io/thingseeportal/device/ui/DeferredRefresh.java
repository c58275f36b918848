package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

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

    /**
     * From any thread: the view's data changed, and {@code note} (run with the session locked) notes how, for the
     * refresh to read (which rows, for example).
     */
    public void request(UI ui, Command note) {
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
    public void schedule() {
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
}
