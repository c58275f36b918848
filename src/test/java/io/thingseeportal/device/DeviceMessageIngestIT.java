package io.thingseeportal.device;

import static io.thingseeportal.device.StreamMessages.batch;
import static io.thingseeportal.device.StreamMessages.historyCount;
import static io.thingseeportal.device.StreamMessages.message;
import static io.thingseeportal.device.StreamMessages.number;
import static io.thingseeportal.device.StreamMessages.text;
import static io.thingseeportal.device.StreamMessages.time;
import static io.thingseeportal.device.StreamMessages.value;
import static io.thingseeportal.device.StreamMessages.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingseeportal.MutableClock;
import io.thingseeportal.TestData;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.SignInTenants;
import io.thingseeportal.thingsee.StreamRejections;
import io.thingseeportal.thingsee.ThingseeMessage;
import io.thingseeportal.thingsee.ThingseeMessagesReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest on PostgreSQL, where the batch statements, the row locks and the newest-wins updates must behave as on
 * H2: each batch in a transaction of its own, as the listener's {@code @Transactional} makes it in the application.
 */
class DeviceMessageIngestIT {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static DataSource dataSource;
    static JdbcClient jdbc;
    static ExecutorService nodes;

    final List<Object> published = new CopyOnWriteArrayList<>();
    long acme;
    String acmeSlug;
    DeviceMessageIngest ingest;
    TransactionTemplate transaction;

    @BeforeAll
    static void postgres() {
        dataSource = new DriverManagerDataSource(
                TestPostgres.freshDatabase("portal_device_ingest_it"), TestPostgres.USER, TestPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        nodes = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopNodes() {
        nodes.shutdownNow();
    }

    @BeforeEach
    void aTenantAndTheIngest() {
        acme = TestData.tenant(jdbc, "Acme");
        acmeSlug = StreamMessages.slug(jdbc, acme);
        ingest = ingest();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void a_batch_adds_devices_history_values_and_configuration_and_newest_wins() {
        String tuid = "TSPR04EZU31901021";
        ingestNow(batch(
                acmeSlug,
                T0,
                message(tuid, 1110, 10, T0, "batl", 80, "chrg", 0),
                message(tuid, 1100, 11, T0, "swVersion", "2023.06.12.2_ts_pir4"),
                message(tuid, 13100, 10, T0, "moveCount", 4),
                message(tuid, 1500, 31, T0, "transactionId", 7, "reportInterval", 60)));
        ingestNow(batch(
                acmeSlug,
                T0.plusSeconds(5),
                message(tuid, 1110, 10, T0.minusSeconds(60), "batl", 95),
                with(message(tuid, 13100, 10, T0.minusSeconds(60), "moveCount", 9), "deploymentGroupId", "unassigned"),
                message(tuid, 13100, 10, T0.plus(Duration.ofDays(1)), "moveCount", 5)));

        assertThat(text(jdbc, acme, tuid, "product_type")).isEqualTo("Thingsee PRESENCE");
        assertThat(number(jdbc, acme, tuid, "battery_level")).isEqualTo(80);
        assertThat(text(jdbc, acme, tuid, "firmware")).isEqualTo("2023.06.12.2_ts_pir4");
        assertThat(text(jdbc, acme, tuid, "group_id")).isEqualTo("prfi00office");
        assertThat(number(jdbc, acme, tuid, "report_interval_s")).isEqualTo(60);
        assertThat(time(jdbc, acme, tuid, "last_seen"))
                .as("the far-future message counts as seen when it arrived")
                .isEqualTo(T0.plusSeconds(5));
        assertThat(time(jdbc, acme, tuid, "stale_at")).isEqualTo(T0.plusSeconds(5 + 3 * 60));
        assertThat(value(jdbc, acme, tuid, 13100)).isEqualTo("{\"moveCount\":5}");
        assertThat(StreamMessages.configuration(jdbc, acme, tuid, 1500)).isEqualTo("{\"reportInterval\":60}");
        assertThat(historyCount(jdbc, acme)).isEqualTo(7);
        assertThat(published).filteredOn(DeviceStateChanged.class::isInstance).hasSize(2);
        assertThat(published)
                .as("the 1500 echo, for the commands, inside the batch's transaction")
                .filteredOn(DeviceRepliesReceived.class::isInstance)
                .hasSize(1);
    }

    @Test
    void a_batch_of_500_messages_over_100_devices_is_taken_in_and_a_redelivery_changes_nothing() {
        ThingseeMessagesReceived batch = batch(acmeSlug, T0.plusSeconds(600), fleetMessages(100, 5));

        ingestNow(batch);
        String before = snapshot();
        ingestNow(batch);
        ingestNow(new ThingseeMessagesReceived(
                acmeSlug,
                batch(acmeSlug, T0.plus(Duration.ofHours(1)), fleetMessages(100, 5))
                        .messages()));

        assertThat(jdbc.sql("SELECT count(*) FROM device WHERE tenant_id = ?")
                        .param(acme)
                        .query(Long.class)
                        .single())
                .isEqualTo(100);
        assertThat(historyCount(jdbc, acme)).isEqualTo(500);
        assertThat(time(jdbc, acme, "TSEN01SERIAL00042", "last_seen")).isEqualTo(T0.plusSeconds(4 * 60));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published).hasSize(1);
    }

    @Test
    void two_nodes_taking_in_the_same_batch_at_once_store_it_once() throws Exception {
        ThingseeMessagesReceived batch = batch(acmeSlug, T0.plusSeconds(600), fleetMessages(50, 4));
        DeviceMessageIngest other = ingest();
        var start = new CountDownLatch(1);

        var one = CompletableFuture.runAsync(() -> awaitThen(start, () -> ingestNow(ingest, batch)), nodes);
        var two = CompletableFuture.runAsync(() -> awaitThen(start, () -> ingestNow(other, batch)), nodes);
        start.countDown();
        one.get();
        two.get();

        assertThat(historyCount(jdbc, acme)).isEqualTo(200);
        assertThat(published).hasSize(1);
        assertThat(number(jdbc, acme, "TSEN01SERIAL00007", "battery_level")).isEqualTo(97);
    }

    @Test
    void a_message_never_changes_another_tenants_device_of_the_same_tuid() {
        long borealis = TestData.tenant(jdbc, "Borealis");
        TestData.device(jdbc, borealis, "TSPR04SAME0000001", "prfi00office", null, 50, T0.minusSeconds(3600));

        ingestNow(batch(
                acmeSlug,
                T0,
                with(message("TSPR04SAME0000001", 1110, 10, T0, "batl", 99), "deploymentGroupId", "unassigned")));

        assertThat(number(jdbc, borealis, "TSPR04SAME0000001", "battery_level")).isEqualTo(50);
        assertThat(text(jdbc, borealis, "TSPR04SAME0000001", "group_id")).isEqualTo("prfi00office");
        assertThat(number(jdbc, acme, "TSPR04SAME0000001", "battery_level")).isEqualTo(99);
    }

    @Test
    void of_two_nodes_trimming_the_history_at_once_exactly_one_deletes() throws Exception {
        ingestNow(batch(acmeSlug, T0, message("TSPR04EZU31901021", 13100, 10, T0, "moveCount", 1)));
        var clock = new MutableClock(T0.plus(Duration.ofDays(8)));
        var properties = properties();
        var first = new MessageRetention(jdbc, null, null, properties, clock);
        var second = new MessageRetention(jdbc, null, null, properties, clock);
        var start = new CountDownLatch(1);

        var one = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> first.trim(acme)), nodes);
        var two = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> second.trim(acme)), nodes);
        start.countDown();

        assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder(1L, -1L);
        assertThat(historyCount(jdbc, acme)).isZero();
    }

    /** Per device a battery and an environment reading each minute, oldest first, as a gateway might forward them. */
    private static ThingseeMessage[] fleetMessages(int devices, int minutes) {
        List<ThingseeMessage> messages = new ArrayList<>();
        for (int minute = 0; minute < minutes; minute++) {
            for (int device = 0; device < devices; device++) {
                String tuid = String.format("TSEN01SERIAL%05d", device);
                Instant at = T0.plusSeconds(minute * 60L);
                messages.add(
                        minute % 2 == 0
                                ? message(tuid, 1110, 10, at, "batl", 100 - minute - (device % 3))
                                : message(
                                        tuid,
                                        12100,
                                        10,
                                        at,
                                        "temp",
                                        21.5 + minute,
                                        "humd",
                                        40,
                                        "airp",
                                        101325,
                                        "lght",
                                        99));
            }
        }
        return messages.toArray(ThingseeMessage[]::new);
    }

    private String snapshot() {
        return jdbc.sql("SELECT * FROM device WHERE tenant_id = ? ORDER BY tuid")
                        .param(acme)
                        .query()
                        .listOfRows()
                        .toString()
                + jdbc.sql("SELECT * FROM device_value WHERE tenant_id = ? ORDER BY tuid, tsm_id")
                        .param(acme)
                        .query()
                        .listOfRows()
                + jdbc.sql("SELECT * FROM device_configuration WHERE tenant_id = ? ORDER BY tuid, tsm_id")
                        .param(acme)
                        .query()
                        .listOfRows();
    }

    private void ingestNow(ThingseeMessagesReceived batch) {
        ingestNow(ingest, batch);
    }

    private void ingestNow(DeviceMessageIngest node, ThingseeMessagesReceived batch) {
        transaction.executeWithoutResult(status -> node.ingest(batch));
    }

    private DeviceMessageIngest ingest() {
        SignInTenants tenants = org.mockito.Mockito.mock(SignInTenants.class);
        org.mockito.Mockito.when(tenants.findForSignIn(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> jdbc.sql("SELECT id, slug, name FROM tenant WHERE slug = ?")
                        .param(call.getArgument(0, String.class))
                        .query((row, number) -> new SignInTenants.SignInTenant(
                                row.getLong("id"), row.getString("slug"), row.getString("name")))
                        .optional());
        return new DeviceMessageIngest(
                new DeviceStateStore(new JdbcTemplate(dataSource)),
                tenants,
                new MessageCatalog(new ObjectMapper()),
                StreamRejections.of(new SimpleMeterRegistry(), java.time.Clock.systemUTC()),
                published::add,
                properties(),
                new DesiredConfigurations(
                        new DesiredConfigurationStore(jdbc, new ObjectMapper()),
                        new DeviceDetailsStore(jdbc, new ObjectMapper()),
                        new CurrentUser(SecurityContextHolder.getContextHolderStrategy()),
                        new MutableClock(T0)),
                new MutableClock(T0));
    }

    private static DevicesProperties properties() {
        return new DevicesProperties(
                Duration.ofDays(7),
                Duration.ofHours(1),
                false,
                Duration.ofMinutes(5),
                Duration.ofSeconds(300),
                3,
                20,
                Duration.ofMinutes(1));
    }

    private static <T> T awaitThen(CountDownLatch start, java.util.function.Supplier<T> work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.get();
    }

    private static void awaitThen(CountDownLatch start, Runnable work) {
        awaitThen(start, () -> {
            work.run();
            return null;
        });
    }
}
