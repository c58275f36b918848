package io.thingseeportal.bench;

import io.thingseeportal.RunningDemo;
import io.thingseeportal.TestPostgres;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole demo as {@link RunningDemo} starts it (embedded broker, demo identity provider, simulator, free ports),
 * but on a fresh PostgreSQL database of the integration tests' server instead of the demo's H2 file.
 */
public final class BenchDemo {

    private BenchDemo() {}

    /** Starts the demo on the fresh database; further arguments ({@code --name=value}) win over the demo profile. */
    public static RunningDemo startOn(String database, String... more) {
        String url = TestPostgres.freshDatabase(database);
        // Arguments, not default properties: they must win over the demo profile's H2.
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=" + TestPostgres.PASSWORD));
        arguments.addAll(List.of(more));
        return RunningDemo.start(arguments.toArray(String[]::new));
    }

    /** The port of the demo's embedded broker. */
    public static int brokerPort(RunningDemo demo) {
        return Integer.parseInt(demo.context().getEnvironment().getRequiredProperty("portal.demo.broker.port"));
    }
}
