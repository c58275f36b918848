package io.thingseeportal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the integration tests use: the machine's own (see README, "Tests"), reached as
 * {@code PORTAL_TEST_DB_HOST}:{@code PORTAL_TEST_DB_PORT} with user {@code PORTAL_TEST_DB_USER}. Each test gets a
 * fresh, empty database; an unreachable server fails the test with a message saying so.
 */
public final class TestPostgres {

    public static final String HOST = env("PORTAL_TEST_DB_HOST", "127.0.0.1");
    public static final String PORT = env("PORTAL_TEST_DB_PORT", "5432");
    public static final String USER = env("PORTAL_TEST_DB_USER", "postgres");
    public static final String PASSWORD = env("PORTAL_TEST_DB_PASSWORD", "");

    private TestPostgres() {}

    /** Drops and creates the database, and returns its JDBC URL. */
    public static String freshDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            return url(name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The integration tests need PostgreSQL at " + HOST + ":" + PORT + " as user " + USER
                            + " (start it as the README says, or set PORTAL_TEST_DB_HOST/PORT/USER/PASSWORD): "
                            + e.getMessage(),
                    e);
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
