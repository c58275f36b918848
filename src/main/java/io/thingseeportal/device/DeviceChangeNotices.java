package io.thingseeportal.device;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tells the other portal nodes which devices changed, so that their live views follow messages that this node took
 * in (with a shared subscription group each message reaches one node only). On PostgreSQL every committed
 * {@link DeviceStateChanged} of this node goes out as a {@code NOTIFY} on {@value #CHANNEL}, or on {@value
 * #COMMANDS_CHANNEL} when commands changed, and a thread of each node listens on its own connection and publishes
 * what other nodes sent as {@code DeviceStateChanged(fromAnotherNode)}. A channel of its own keeps the notice's text
 * as it was, so that a node of the previous version reads neither wrongly. Changes are gathered for
 * {@link #GATHER} and go out together in one statement ({@link NoticeBatch}), off the thread that made them. On any
 * other database (the demo's H2, one node) it does nothing.
 */
@Repository
class DeviceChangeNotices implements SmartLifecycle {

    static final String CHANNEL = "portal_device_state";
    static final String COMMANDS_CHANNEL = "portal_device_commands";
    /** How long this node's changes gather before they go out: the most another node's live views wait longer. */
    static final Duration GATHER = Duration.ofMillis(50);
    /** Notices sent by one statement at most. */
    private static final int NOTICES_PER_STATEMENT = 50;

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RECONNECT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(DeviceChangeNotices.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final String node = UUID.randomUUID().toString();
    private final NoticeBatch batch = new NoticeBatch(node);
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "device-change-notices-out");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable Thread listener;
    private volatile @Nullable Boolean postgres;

    DeviceChangeNotices(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void send(DeviceStateChanged change) {
        if (change.fromAnotherNode() || change.tuids().isEmpty() || !isPostgres()) {
            return;
        }
        String channel = change.commandsChanged() ? COMMANDS_CHANNEL : CHANNEL;
        if (batch.add(change.tenantId(), channel, change.tuids()) && !sender.isShutdown()) {
            try {
                sender.schedule(this::flush, GATHER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // stop() sends what is left.
            }
        }
    }

    /** Sends every gathered change now. */
    void flush() {
        List<NoticeBatch.Notice> notices = batch.drain();
        try {
            for (int from = 0; from < notices.size(); from += NOTICES_PER_STATEMENT) {
                List<NoticeBatch.Notice> some =
                        notices.subList(from, Math.min(notices.size(), from + NOTICES_PER_STATEMENT));
                List<Object> params = new ArrayList<>();
                some.forEach(notice -> {
                    params.add(notice.channel());
                    params.add(notice.text());
                });
                jdbc.sql("SELECT " + String.join(", ", Collections.nCopies(some.size(), "pg_notify(?, ?)")))
                        .params(params)
                        .query()
                        .listOfRows();
            }
        } catch (RuntimeException e) {
            // The changes themselves are committed; other nodes' views then show them when they next reload.
            log.warn("Could not tell the other nodes of device changes: {}", e.toString());
        }
    }

    /**
     * A notice of another node on one of the channels as the change it tells of; empty for this node's own or one it
     * cannot read.
     */
    List<DeviceStateChanged> received(String channel, String notice) {
        String[] parts = notice.split("\\|", 3);
        if (parts.length != 3 || parts[0].equals(node) || parts[2].isEmpty()) {
            return List.of();
        }
        try {
            long tenantId = Long.parseLong(parts[1]);
            Set<String> tuids = Set.copyOf(Arrays.asList(parts[2].split(",")));
            return List.of(new DeviceStateChanged(tenantId, tuids, COMMANDS_CHANNEL.equals(channel), true));
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    @Override
    public void start() {
        if (!isPostgres()) {
            return;
        }
        Thread thread = new Thread(this::listen, "device-change-notices");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    private void listen() {
        while (listener == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + COMMANDS_CHANNEL);
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                while (listener == Thread.currentThread()) {
                    PGNotification[] arrived = notices.getNotifications((int) POLL.toMillis());
                    for (PGNotification notice : arrived == null ? new PGNotification[0] : arrived) {
                        received(notice.getName(), notice.getParameter()).forEach(events::publishEvent);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listener != Thread.currentThread()) {
                    return;
                }
                log.warn(
                        "Listening for other nodes' device changes failed ({}); again in {} s",
                        e,
                        RECONNECT.toSeconds());
                // This thread's own back-off before it reconnects; stop() interrupts it.
                try {
                    Thread.sleep(RECONNECT.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                return false;
            }
            postgres = known;
        }
        return known;
    }

    @Override
    public void stop() {
        sender.shutdown();
        flush();
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
