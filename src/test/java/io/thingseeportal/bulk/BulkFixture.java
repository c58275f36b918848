package io.thingseeportal.bulk;

import static org.awaitility.Awaitility.await;

import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine without Spring, on one database: {@link #node} starts the workers of one more "node" on it, so that a
 * test runs several nodes side by side. Jobs are submitted as an admin of the tenant "Acme".
 */
final class BulkFixture implements AutoCloseable {

    final DataSource dataSource;
    final JdbcClient jdbc;
    final long tenantId;
    final PortalUser admin;
    final CurrentUser currentUser = new CurrentUser(SecurityContextHolder.getContextHolderStrategy());
    final Clock clock;
    final List<BulkWorkers> nodes = new ArrayList<>();
    private final BulkJobs jobs;
    private final BulkUpdates updates;

    BulkFixture(DataSource dataSource, Clock clock, BulkProperties properties, BulkHandler... handlers) {
        this.dataSource = dataSource;
        this.clock = clock;
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.tenantId = TestData.tenant(jdbc, "Acme");
        this.admin = new PortalUser("aino", "Aino Virtanen", Set.of(AppRoles.ADMIN), tenantId, "acme", "Acme");
        this.updates = new BulkUpdates(clock);
        var beans = new StaticListableBeanFactory();
        for (BulkHandler handler : handlers) {
            beans.addBean(handler.kind(), handler);
        }
        this.jobs = new BulkJobs(
                jobStore(),
                workStore(),
                currentUser,
                properties,
                beans.getBeanProvider(BulkHandler.class),
                updates,
                event -> {},
                clock);
    }

    /** An in-memory H2 in PostgreSQL mode, as the in-JVM tests use. */
    static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:bulk-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /** Fast settings: polls every 10 ms, no rate limit in the way, a second per call, retries after 10 ms. */
    static BulkProperties fast() {
        return properties(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    static BulkProperties properties(Duration callDeadline, Duration lease) {
        return properties(8, 8, callDeadline, lease);
    }

    /** Fast settings with these worker threads and calls of one tenant at once. */
    static BulkProperties concurrency(int workerThreads, int tenantConcurrency) {
        return properties(workerThreads, tenantConcurrency, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private static BulkProperties properties(
            int workerThreads, int tenantConcurrency, Duration callDeadline, Duration lease) {
        return new BulkProperties(
                workerThreads,
                tenantConcurrency,
                10_000,
                1_000,
                callDeadline,
                lease,
                Duration.ofMillis(10),
                Duration.ofMillis(200),
                2,
                Duration.ofMillis(10),
                50,
                10,
                Duration.ofDays(90));
    }

    /** Starts the workers of one more node on the database. */
    BulkWorkers node(BulkProperties properties, BulkHandler... handlers) {
        var steps = new BulkJobSteps(
                workStore(),
                jobStore(),
                List.of(handlers),
                properties,
                clock,
                currentUser,
                event -> {},
                new DataSourceTransactionManager(dataSource));
        var workers = new BulkWorkers(workStore(), steps, properties, clock, currentUser);
        workers.start();
        nodes.add(workers);
        return workers;
    }

    /** Submits a job of the kind with these item keys, as the tenant's admin. */
    long submit(String kind, List<BulkItemRequest> items, Integer abortPercent) {
        return as(() -> jobs.submit(kind, "subject", "{}", items, abortPercent));
    }

    static List<BulkItemRequest> items(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> BulkItemRequest.run("TSPR04" + i))
                .toList();
    }

    BulkProgress progress(long jobId) {
        return as(() -> jobs.progress(jobId));
    }

    BulkProgress awaitComplete(long jobId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> progress(jobId), BulkProgress::complete);
    }

    Map<String, BulkItemView> items(long jobId) {
        var byKey = new java.util.LinkedHashMap<String, BulkItemView>();
        as(() -> jobs.items(jobId, Set.of())).forEach(item -> byKey.put(item.key(), item));
        return byKey;
    }

    BulkJobs jobs() {
        return jobs;
    }

    <T> T as(Supplier<T> work) {
        return currentUser.runAs(admin, work);
    }

    BulkJobStore jobStore() {
        return new BulkJobStore(jdbc, new JdbcTemplate(dataSource));
    }

    private BulkWorkStore workStore() {
        return new BulkWorkStore(jdbc);
    }

    @Override
    public void close() {
        nodes.forEach(BulkWorkers::stop);
        updates.stop();
    }
}
