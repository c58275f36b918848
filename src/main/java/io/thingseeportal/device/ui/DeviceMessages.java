package io.thingseeportal.device.ui;

import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.RecentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The device's recent messages, newest first, paged from the database as the grid scrolls. A click on a row opens the
 * message's JSON as it arrived, read only then.
 *
 * <p>The grid shows the messages up to a time, so that its pages hold still while the device sends more. When the
 * device changes, the grid moves that time on and reads its rows again only if its first rows are in view: a user
 * reading older messages further down keeps them where they are, and sees the new ones on scrolling back to the top.
 *
 * <p>A message that comes after a quiet while shows at once. While they come faster, the grid takes them in at most
 * once every {@link #CATCH_UP} and shows those that came in between together then: reading its rows again and having
 * the browser draw them anew is most of what a device page costs, and a device that answers one command after another
 * has its values, configuration and commands shown at once all the same.
 */
class DeviceMessages extends Grid<RecentMessage> {

    /** How many of the newest messages a change looks at to learn which of them arrived since the last one. */
    static final int LOOK_BACK = 20;

    /**
     * Rows read and sent at a time: the grid shows about ten, and every message of the device reads its first rows
     * again while they are in view, so Vaadin's 50 would be five times the work for rows nobody sees.
     */
    static final int PAGE_SIZE = 20;

    /** The shortest time between two readings of the grid's rows while messages keep coming. */
    static final Duration CATCH_UP = Duration.ofSeconds(3);

    private static final int PAYLOADS_KEPT = 16;
    private static final Comparator<RecentMessage> ORDER =
            Comparator.comparing(RecentMessage::time).thenComparingInt(RecentMessage::tsmId);

    private final DeviceDetailsService devices;
    private final String tuid;
    /** The newest message the page knows of. */
    private @Nullable RecentMessage newest;
    /** The grid shows the messages up to this time (their own). */
    private Instant shownUpTo;
    /** Whether newer messages than those shown arrived while the grid was scrolled down, or since it last caught up. */
    private boolean behind;
    /** When the grid last read its rows for newer messages ({@link System#nanoTime}). */
    private long caughtUpAt = System.nanoTime() - CATCH_UP.toNanos();
    /** Whether the grid catches up later, once {@link #CATCH_UP} has passed since the last time. */
    private boolean catchUpLater;

    private @Nullable RecentMessage firstRow;
    private int rowCount = -1;
    /** Open messages' JSON: a message never changes, and rows are rendered again when the grid reads them again. */
    private final Map<RecentMessage, String> payloads = new LinkedHashMap<>(PAYLOADS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RecentMessage, String> eldest) {
            return size() > PAYLOADS_KEPT;
        }
    };

    /** What a change of the device brought: the messages that arrived, newest first. */
    record Arrived(List<RecentMessage> messages, boolean maybeMore) {

        /** Whether a configuration message may be among them. */
        boolean mayReportConfiguration() {
            return maybeMore || messages.stream().anyMatch(RecentMessage::reportsConfiguration);
        }
    }

    DeviceMessages(DeviceDetailsService devices, String tuid) {
        this.devices = devices;
        this.tuid = tuid;
        this.newest = devices.newestMessages(tuid, 1).stream().findFirst().orElse(null);
        this.shownUpTo = newest == null ? Instant.EPOCH : newest.time();
        setId("device-messages");
        addColumn(message -> ValueFormat.dateTime(message.time(), getLocale()))
                .setHeader(getTranslation("device.page.messages.time"))
                .setFlexGrow(1);
        addColumn(RecentMessage::tsmId)
                .setHeader(getTranslation("device.page.messages.tsm-id"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(RecentMessage::tsmEv)
                .setHeader(getTranslation("device.page.messages.tsm-ev"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        setItemDetailsRenderer(new ComponentRenderer<>(message -> {
            var json = new Pre(payload(message));
            json.addClassName("device-message-json");
            json.getStyle()
                    .set("white-space", "pre-wrap")
                    .set("word-break", "break-all")
                    .set("margin", "0");
            return json;
        }));
        setPageSize(PAGE_SIZE);
        setItems(this::fetch, query -> count());
        setHeight("24rem");
        setWidthFull();
    }

    /**
     * The device changed: which of its messages arrived since the last change. The grid shows them at once if its
     * first rows are in view, or else when the user scrolls back to them.
     */
    Arrived update() {
        List<RecentMessage> latest = devices.newestMessages(tuid, LOOK_BACK);
        RecentMessage known = newest;
        List<RecentMessage> arrived = latest.stream()
                .takeWhile(message -> known == null || ORDER.compare(message, known) > 0)
                .toList();
        if (!arrived.isEmpty()) {
            newest = arrived.get(0);
            behind = true;
            if (showsItsFirstRows()) {
                catchUp();
            }
        }
        return new Arrived(arrived, arrived.size() == LOOK_BACK);
    }

    /** Whether the browser holds the grid's first rows: it is scrolled to (near) the top, or has no rows. */
    private boolean showsItsFirstRows() {
        RecentMessage first = firstRow;
        return rowCount == 0 || (first != null && getDataCommunicator().isItemActive(first));
    }

    /** Shows the newer messages now, or once {@link #CATCH_UP} has passed since the grid last did. */
    private void catchUp() {
        long wait = caughtUpAt + CATCH_UP.toNanos() - System.nanoTime();
        if (wait <= 0) {
            showNewest();
            return;
        }
        if (catchUpLater) {
            return;
        }
        getUI().ifPresent(ui -> {
            catchUpLater = true;
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> {
                try {
                    ui.access(() -> {
                        catchUpLater = false;
                        if (showsItsFirstRows()) {
                            showNewest();
                        }
                    });
                } catch (UIDetachedException closed) {
                    // The page was closed meanwhile.
                }
            });
        });
    }

    private void showNewest() {
        if (behind && newest != null) {
            behind = false;
            caughtUpAt = System.nanoTime();
            shownUpTo = newest.time();
            getDataProvider().refreshAll();
        }
    }

    private Stream<RecentMessage> fetch(Query<RecentMessage, Void> query) {
        List<RecentMessage> rows = devices.messages(tuid, shownUpTo, query.getOffset(), query.getLimit());
        if (query.getOffset() == 0) {
            firstRow = rows.isEmpty() ? null : rows.get(0);
            if (behind) {
                // Back at the top while newer messages wait: they follow this answer.
                getUI().ifPresent(ui -> ui.access(this::showNewest));
            }
        }
        return rows.stream();
    }

    private int count() {
        rowCount = (int) Math.min(Integer.MAX_VALUE, devices.countMessages(tuid, shownUpTo));
        return rowCount;
    }

    private String payload(RecentMessage message) {
        String json = payloads.get(message);
        if (json == null) {
            json = devices.payload(tuid, message).orElse(null);
            if (json == null) {
                return getTranslation("device.page.messages.gone");
            }
            payloads.put(message, json);
        }
        return json;
    }
}
