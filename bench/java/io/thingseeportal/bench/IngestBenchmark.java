package io.thingseeportal.bench;

import io.thingseeportal.PackagedPortal;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.thingsee.mqtt.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Ingest from the broker to committed device state on PostgreSQL, side by side with a bare Paho subscriber that only
 * parses the same messages from the same broker, both while a publisher sends them; then the backlog that queued on the
 * broker while the portal was stopped, drained after its restart. Through the machine's Mosquitto (the binary, run with
 * the queue settings of docs/deployment.md) and through HiveMQ embedded, as the demo runs it.
 *
 * <p>The portal is the packaged jar in the production profile, a process of its own; its rate is counted from the
 * publisher's first message to the moment every device's newest message is committed (rows polled every 20 ms), then
 * each device's history is checked to hold exactly what was published for it. The history grows from round to round,
 * as it does in a running installation (each round's messages have later times), and the tables are analyzed after
 * the warm-up and the device rows vacuumed every 5 s, as autovacuum would (this machine's PostgreSQL runs without it).
 */
public final class IngestBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 100_000);
    private static final int DEVICES = Integer.getInteger("bench.devices", 1_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int WINDOW = Integer.getInteger("bench.publish-window", 500);
    private static final String BROKERS = System.getProperty("bench.brokers", "mosquitto,hivemq");
    private static final Path REPORT = Path.of("docs", "benchmarks.md");

    private final String kind;
    private final TestBroker broker;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String portalRoot = "bench-" + run + "/acme/";
    private final String bareRoot = "bench-" + run + "/bare/";
    private final long firstTsmTs = Instant.now().minus(3, ChronoUnit.DAYS).getEpochSecond();
    private int batches;
    private String database;
    private JdbcClient jdbc;
    private long acme;

    private IngestBenchmark(String kind) {
        this.kind = kind;
        this.broker = kind.equals("mosquitto") ? new TestBroker.Mosquitto() : new TestBroker.HiveMq();
    }

    public static void main(String[] args) throws Exception {
        for (String kind : BROKERS.split(",")) {
            new IngestBenchmark(kind.trim()).measure();
        }
        System.exit(0); // Paho's and HiveMQ's threads would keep the runner alive
    }

    private void measure() throws Exception {
        broker.start();
        database = PackagedPortal.acmeDatabase("portal_bench_ingest");
        var connection = new SingleConnectionDataSource(database, TestPostgres.USER, TestPostgres.PASSWORD, true);
        jdbc = JdbcClient.create(connection);
        acme = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
        String load = load();
        List<Live> bare = new ArrayList<>();
        List<Live> portal = new ArrayList<>();
        List<Backlog> backlogs = new ArrayList<>();
        List<Live> bareBacklogs = new ArrayList<>();
        PackagedPortal running = launch();
        running.awaitHealthy();
        var vacuum = Executors.newSingleThreadScheduledExecutor();
        vacuum.scheduleWithFixedDelay(this::vacuum, 5, 5, TimeUnit.SECONDS);
        try {
            System.out.println("Warming up with " + MESSAGES / 5 + " messages each");
            bareRound(MESSAGES / 5);
            portalRound(MESSAGES / 5);
            // What autovacuum does within a minute of a running installation: the planner learns the tables' sizes.
            jdbc.sql("ANALYZE").update();
            for (int round = 1; round <= ROUNDS; round++) {
                bare.add(bareRound(MESSAGES));
                portal.add(portalRound(MESSAGES));
                System.out.printf(
                        "%s round %d: bare %s | portal %s%n", kind, round, bare.get(round - 1), portal.get(round - 1));
            }
            for (int round = 1; round <= ROUNDS; round++) {
                bareBacklogs.add(bareBacklog(MESSAGES));
                running.close();
                FleetMessages messages = next(portalRoot, MESSAGES);
                messages.publish(broker.url(), WINDOW);
                Backlog backlog = drain(messages);
                running = backlog.portal();
                backlogs.add(backlog);
                System.out.printf(
                        "%s backlog %d: bare %s | portal %s%n", kind, round, bareBacklogs.get(round - 1), backlog);
            }
        } finally {
            vacuum.shutdownNow();
            running.close();
            connection.destroy();
            broker.stop();
        }
        report(bare, portal, backlogs, bareBacklogs, load + " before, " + load() + " after");
    }

    /**
     * What autovacuum does in production, done by hand because this machine's PostgreSQL runs without it (a CI
     * setting): every device row is updated by every batch that has a message of it, and without vacuum its dead
     * versions pile up in the table and its indexes (docs/deployment.md says how to set autovacuum for it).
     */
    private void vacuum() {
        try (var connection = java.sql.DriverManager.getConnection(database, TestPostgres.USER, TestPostgres.PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) device, device_value");
        } catch (java.sql.SQLException e) {
            System.out.println("Vacuum failed: " + e.getMessage());
        }
    }

    private PackagedPortal launch() {
        return PackagedPortal.launch(
                database,
                broker.url(),
                portalRoot + "cloudext/json/#",
                "bench-ingest-" + run,
                "--logging.level.io.thingseeportal.thingsee.mqtt=INFO");
    }

    /** The next batch of messages, each device's times after all earlier ones. */
    private FleetMessages next(String root, int total) {
        int perDevice = total / DEVICES;
        return new FleetMessages(root, DEVICES, perDevice, firstTsmTs + 1_000L * batches++);
    }

    private Live bareRound(int total) throws Exception {
        FleetMessages messages = next(bareRoot, total);
        try (var subscriber = new BareSubscriber(broker.url(), bareRoot + "cloudext/json/#", messages.total())) {
            long start = System.nanoTime();
            CompletableFuture<Long> publishing = publishing(messages);
            boolean complete = subscriber.await(300);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long published = publishing.join();
            int lost = messages.total() - subscriber.received();
            if (!complete || subscriber.broken() > 0) {
                System.out.println("Bare subscriber incomplete: " + lost + " lost, " + subscriber.broken() + " broken");
            }
            return new Live(messages.total(), millis, published, lost, subscriber.duplicates());
        }
    }

    /**
     * The yardstick of the backlog: the bare subscriber's persistent session takes the messages published while it was
     * away, timed from its connection to the last message parsed. Its JVM is the runner's, long warm; the portal's has
     * just started.
     */
    private Live bareBacklog(int total) throws Exception {
        String clientId = "bench-bare-backlog-" + run;
        new BareSubscriber(broker.url(), clientId, true, bareRoot + "cloudext/json/#", 0).close();
        FleetMessages messages = next(bareRoot, total);
        long published = messages.publish(broker.url(), WINDOW);
        long start = System.nanoTime();
        try (var subscriber =
                new BareSubscriber(broker.url(), clientId, true, bareRoot + "cloudext/json/#", messages.total())) {
            boolean complete = subscriber.await(300);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int lost = messages.total() - subscriber.received();
            if (!complete || subscriber.broken() > 0) {
                System.out.println("Bare backlog incomplete: " + lost + " lost, " + subscriber.broken() + " broken");
            }
            return new Live(messages.total(), millis, published, lost, subscriber.duplicates());
        }
    }

    private Live portalRound(int total) {
        FleetMessages messages = next(portalRoot, total);
        long start = System.nanoTime();
        CompletableFuture<Long> publishing = publishing(messages);
        awaitNewest(messages, 300);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long published = publishing.join();
        return new Live(messages.total(), millis, published, lost(messages), 0);
    }

    /** Starts the portal on the backlog and times it from its stream's connection to the last commit. */
    private Backlog drain(FleetMessages messages) throws Exception {
        long launched = System.nanoTime();
        PackagedPortal portal = launch();
        long connected = 0;
        while (connected == 0) {
            if (Files.readString(portal.log()).contains("MQTT connected to")) {
                connected = System.nanoTime();
            } else if ((System.nanoTime() - launched) / 1_000_000_000L > 120) {
                throw new IllegalStateException("The portal did not connect; its log is " + portal.log());
            } else {
                Thread.sleep(5);
            }
        }
        awaitNewest(messages, 300);
        long done = System.nanoTime();
        portal.awaitHealthy();
        return new Backlog(
                portal,
                messages.total(),
                (done - connected) / 1_000_000,
                (connected - launched) / 1_000_000,
                lost(messages));
    }

    private CompletableFuture<Long> publishing(FleetMessages messages) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return messages.publish(broker.url(), WINDOW);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until every device has committed its newest message of the batch (or the time is up). */
    private void awaitNewest(FleetMessages messages, int seconds) {
        Timestamp newest = Timestamp.from(Instant.ofEpochSecond(messages.lastTsmTs()));
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long current = jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ? AND last_seen >= ?")
                    .params(acme, newest)
                    .query(Long.class)
                    .single();
            if (current >= messages.devices()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.println("Not every device's newest message arrived within " + seconds + " s");
    }

    /** How many of the batch's messages are missing from the devices' histories; throws on a wrong battery. */
    private int lost(FleetMessages messages) {
        List<Long> counts = jdbc.sql(
                        "SELECT count(*) FROM device_message WHERE tenant_id = ? AND tsm_ts BETWEEN ? AND ?"
                                + " GROUP BY tuid")
                .params(
                        acme,
                        Timestamp.from(Instant.ofEpochSecond(messages.firstTsmTs())),
                        Timestamp.from(Instant.ofEpochSecond(messages.lastTsmTs())))
                .query(Long.class)
                .list();
        long stored = counts.stream().mapToLong(Long::longValue).sum();
        if (counts.stream().anyMatch(count -> count > messages.perDevice())) {
            throw new IllegalStateException("A device holds more messages than were published for it");
        }
        long wrongBattery = jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ? AND battery_level <> ?")
                .params(acme, messages.newestBattery())
                .query(Long.class)
                .single();
        if (wrongBattery > 0) {
            System.out.println(wrongBattery + " devices do not show their newest battery level");
        }
        return (int) (messages.total() - stored);
    }

    private void report(
            List<Live> bare, List<Live> portal, List<Backlog> backlogs, List<Live> bareBacklogs, String load)
            throws Exception {
        double portalRate = median(portal.stream().map(Live::rate).toList());
        double bareRate = median(bare.stream().map(Live::rate).toList());
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < portal.size(); i++) {
            ratios.add(portal.get(i).rate() / bare.get(i).rate());
        }
        double ratio = median(ratios);
        double publisherRate = median(portal.stream().map(Live::publisherRate).toList());
        int lost = portal.stream().mapToInt(Live::lost).sum();
        int bareLost = bare.stream().mapToInt(Live::lost).sum();
        int bareDuplicates = bare.stream().mapToInt(Live::duplicates).sum();
        double drainRate = median(backlogs.stream().map(Backlog::rate).toList());
        int backlogLost = backlogs.stream().mapToInt(Backlog::lost).sum();
        String broker = kind.equals("mosquitto")
                ? "the machine's Mosquitto (its binary with docs/deployment.md's queue settings)"
                : "HiveMQ CE embedded, as the demo runs it";
        double target = kind.equals("mosquitto") ? 10_000 : 5_000;
        String live =
                "portal median %s msg/s (rounds %s), bare Paho subscriber median %s msg/s (rounds %s), portal/bare %s (rounds %s); %d rounds of %,d messages from %,d devices, publisher at the same time at a median %s msg/s; lost: portal %d, bare %d; duplicates in the bare stream %d, history rows per device exactly as published; load %s"
                        .formatted(
                                whole(portalRate),
                                spread(portal.stream().map(Live::rate).toList()),
                                whole(bareRate),
                                spread(bare.stream().map(Live::rate).toList()),
                                fraction(ratio),
                                spreadFractions(ratios),
                                ROUNDS,
                                MESSAGES,
                                DEVICES,
                                whole(publisherRate),
                                lost,
                                bareLost,
                                bareDuplicates,
                                load);
        boolean liveMet = portalRate >= target && lost == 0 && (!kind.equals("mosquitto") || ratio >= 0.6);
        BenchmarkReport.record(
                REPORT,
                "ingest-" + kind,
                "Ingest to committed device state, " + broker,
                live,
                (liveMet ? "meets" : "misses") + " the target of " + whole(target) + " msg/s"
                        + (kind.equals("mosquitto") ? " and 0.6 of the bare subscriber" : "") + ", none lost");
        String drain =
                "median %s msg/s (rounds %s) from the stream's connection to the last commit; bare Paho subscriber (persistent session, warm JVM) median %s msg/s (rounds %s) from its connection to the last message, lost %d; %d rounds of %,d messages queued while the portal was stopped (SIGTERM), lost %d; the portal's start to its connection took a median %s ms; load %s"
                        .formatted(
                                whole(drainRate),
                                spread(backlogs.stream().map(Backlog::rate).toList()),
                                whole(median(
                                        bareBacklogs.stream().map(Live::rate).toList())),
                                spread(bareBacklogs.stream().map(Live::rate).toList()),
                                bareBacklogs.stream().mapToInt(Live::lost).sum(),
                                ROUNDS,
                                MESSAGES,
                                backlogLost,
                                whole(median(backlogs.stream()
                                        .map(backlog -> (double) backlog.startMillis())
                                        .toList())),
                                load);
        boolean drainMet = kind.equals("mosquitto") ? drainRate >= 20_000 && backlogLost == 0 : backlogLost == 0;
        BenchmarkReport.record(
                REPORT,
                "ingest-backlog-" + kind,
                "Backlog after a restart, " + broker,
                drain,
                (drainMet ? "meets" : "misses") + " the target of "
                        + (kind.equals("mosquitto") ? "20,000 msg/s, none lost" : "none lost"));
        System.out.println(live);
        System.out.println(drain);
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String spread(List<Double> values) {
        return whole(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)) + "–"
                + whole(values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static String spreadFractions(List<Double> values) {
        return fraction(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)) + "–"
                + fraction(
                        values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** One live round: messages consumed in the time from the publisher's start. */
    record Live(int messages, long millis, long publishMillis, int lost, int duplicates) {
        double rate() {
            return messages * 1000.0 / millis;
        }

        double publisherRate() {
            return messages * 1000.0 / publishMillis;
        }

        @Override
        public String toString() {
            return "%s msg/s (%d ms, publisher %s msg/s, lost %d, duplicates %d)"
                    .formatted(whole(rate()), millis, whole(publisherRate()), lost, duplicates);
        }
    }

    /** One backlog drained by a restarted portal. */
    record Backlog(PackagedPortal portal, int messages, long millis, long startMillis, int lost) {
        double rate() {
            return messages * 1000.0 / millis;
        }

        @Override
        public String toString() {
            return "%s msg/s (%d ms after connecting, %d ms from start to connection, lost %d)"
                    .formatted(whole(rate()), millis, startMillis, lost);
        }
    }
}
