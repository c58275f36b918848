package io.thingseeportal.device;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Many rows in one statement that runs alike on H2 and PostgreSQL: each column's values go as one array parameter and
 * {@code UNNEST} turns the arrays back into rows. A statement has the same text however many rows it takes, so
 * PostgreSQL plans it once per connection (the driver prepares it on the server after a few runs) instead of parsing
 * and planning a {@code VALUES} list of thousands of parameters for every batch.
 *
 * <p>In a statement, {@value #ROWS} stands for {@code SELECT <the columns> FROM UNNEST(...)}: as an {@code INSERT}'s
 * source, or in parentheses as a {@code MERGE}'s. Times travel as ISO-8601 text and are cast back in the statement,
 * which keeps the driver's time zone handling out of the arrays.
 *
 * <p>Each array is a typed Java array ({@code String[]}, {@code Long[]}, ...), which the PostgreSQL driver sends in the
 * binary format: an {@code Object[]} it writes as an array literal, escaping every character of every text, and the
 * server parses that text back, which for the history's JSON payloads cost more than the rows' insert.
 */
final class SqlRows {

    static final String ROWS = "{rows}";

    /** A column of the rows: its SQL type, and the element type the driver is told for its array. */
    record Column(String name, String sqlType, String arrayType, String elementType) {

        static Column bigint(String name) {
            return new Column(name, "BIGINT", "BIGINT", "int8");
        }

        static Column integer(String name) {
            return new Column(name, "INTEGER", "INTEGER", "int4");
        }

        static Column smallint(String name) {
            return new Column(name, "SMALLINT", "SMALLINT", "int2");
        }

        static Column text(String name) {
            return new Column(name, "VARCHAR(65536)", "VARCHAR(65536)", "varchar");
        }

        static Column time(String name) {
            return new Column(name, "TIMESTAMP WITH TIME ZONE", "VARCHAR(64)", "varchar");
        }

        boolean isTime() {
            return !sqlType.equals(arrayType);
        }

        /** The column's values as a Java array of the element type's class, which the driver sends as binary. */
        Object[] array(List<Object[]> rows, int index) {
            Object[] values = switch (elementType) {
                case "int8" -> new Long[rows.size()];
                case "int4" -> new Integer[rows.size()];
                case "int2" -> new Short[rows.size()];
                default -> new String[rows.size()];
            };
            for (int row = 0; row < values.length; row++) {
                values[row] = element(rows.get(row)[index]);
            }
            return values;
        }

        private @Nullable Object element(@Nullable Object value) {
            if (value == null) {
                return null;
            }
            return switch (elementType) {
                case "int8" -> ((Number) value).longValue();
                case "int4" -> ((Number) value).intValue();
                case "int2" -> ((Number) value).shortValue();
                default -> isTime() ? time(value) : (String) value;
            };
        }

        private String time(Object value) {
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant().toString();
            }
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            throw new IllegalArgumentException("Not a time for " + name + ": " + value);
        }
    }

    private final List<Column> columns;
    private final String select;

    SqlRows(Column... columns) {
        this.columns = List.of(columns);
        StringJoiner selected = new StringJoiner(", ", "SELECT ", "");
        StringJoiner arrays = new StringJoiner(", ", " FROM UNNEST(", ")");
        for (Column column : this.columns) {
            selected.add(
                    column.isTime()
                            ? "CAST(u." + column.name() + " AS " + column.sqlType() + ") AS " + column.name()
                            : "u." + column.name());
            arrays.add("CAST(? AS " + column.arrayType() + " ARRAY)");
        }
        this.select = selected + arrays.toString() + " AS u " + names();
    }

    /** The name of the column at the index. */
    String name(int index) {
        return columns.get(index).name();
    }

    /** The column names, for a derived table's alias list: {@code (a, b, c)}. */
    String names() {
        StringJoiner names = new StringJoiner(", ", "(", ")");
        columns.forEach(column -> names.add(column.name()));
        return names.toString();
    }

    /** Runs the statement, {@value #ROWS} in it standing for the rows. */
    void update(JdbcTemplate jdbc, String statement, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = sql(statement, rows);
        jdbc.execute(
                (PreparedStatementCreator) connection -> bound(connection, connection.prepareStatement(sql), rows),
                (PreparedStatementCallback<Integer>) PreparedStatement::executeUpdate);
    }

    /**
     * Runs the statement (an {@code INSERT}) and hands the named columns of each row it inserted to the handler: those
     * that {@code ON CONFLICT DO NOTHING} skipped are not among them. One statement where a query for what exists and
     * an insert of the rest would be two, and each row's key is looked up once, by the insert itself.
     */
    void insert(
            JdbcTemplate jdbc, String statement, List<Object[]> rows, String[] returned, RowCallbackHandler inserted) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = sql(statement, rows);
        jdbc.execute(
                (PreparedStatementCreator)
                        connection -> bound(connection, connection.prepareStatement(sql, returned), rows),
                (PreparedStatementCallback<@Nullable Void>) insert -> {
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            inserted.processRow(keys);
                        }
                    }
                    return null;
                });
    }

    /** The statement with the rows' {@code SELECT} in it, once every row is known to have a value per column. */
    private String sql(String statement, List<Object[]> rows) {
        if (!statement.contains(ROWS)) {
            throw new IllegalArgumentException("A statement without " + ROWS + ": " + statement);
        }
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(
                        "A row of " + row.length + " values for " + columns.size() + " columns");
            }
        }
        return statement.replace(ROWS, select);
    }

    private PreparedStatement bound(Connection connection, PreparedStatement statement, List<Object[]> rows)
            throws SQLException {
        try {
            for (int column = 0; column < columns.size(); column++) {
                Column shape = columns.get(column);
                statement.setArray(
                        column + 1, connection.createArrayOf(shape.elementType(), shape.array(rows, column)));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The texts as one array parameter, for {@code = ANY(CAST(? AS VARCHAR(64) ARRAY))}. */
    static Array texts(Connection connection, Collection<String> texts) throws SQLException {
        return connection.createArrayOf("varchar", texts.toArray(String[]::new));
    }
}
