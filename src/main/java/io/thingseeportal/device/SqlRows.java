package io.thingseeportal.device;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Many rows in one statement, as a {@code VALUES} list of typed parameters that runs alike on H2 and PostgreSQL: one
 * round trip and one statement for a batch instead of one per row. A batch is cut into statements of at most
 * {@value #ROWS_PER_STATEMENT} rows, well below every driver's limit on parameters.
 */
final class SqlRows {

    static final int ROWS_PER_STATEMENT = 500;

    /** A column of the rows: its SQL type for the cast and its JDBC type for the parameter. */
    record Column(String name, String sqlType, int jdbcType) {

        static Column bigint(String name) {
            return new Column(name, "BIGINT", Types.BIGINT);
        }

        static Column integer(String name) {
            return new Column(name, "INTEGER", Types.INTEGER);
        }

        static Column smallint(String name) {
            return new Column(name, "SMALLINT", Types.SMALLINT);
        }

        static Column text(String name) {
            return new Column(name, "VARCHAR(65536)", Types.VARCHAR);
        }

        static Column time(String name) {
            return new Column(name, "TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP);
        }
    }

    private final List<Column> columns;

    SqlRows(Column... columns) {
        this.columns = List.of(columns);
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

    /**
     * Runs the statement once per slice of the rows; {@code {values}} in it stands for the slice's {@code VALUES} list.
     */
    void update(JdbcTemplate jdbc, String statement, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            jdbc.update(statement.replace("{values}", values(slice.size())), arguments(slice), types(slice.size()));
        }
    }

    /** Like {@link #update}, for a query: every slice's result rows go to the handler. */
    void query(JdbcTemplate jdbc, String statement, List<Object[]> rows, RowCallbackHandler handler) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            jdbc.query(
                    statement.replace("{values}", values(slice.size())),
                    arguments(slice),
                    types(slice.size()),
                    handler);
        }
    }

    private String values(int rows) {
        StringJoiner row = new StringJoiner(", ", "(", ")");
        columns.forEach(column -> row.add("CAST(? AS " + column.sqlType() + ")"));
        StringJoiner all = new StringJoiner(", ", "VALUES ", "");
        for (int i = 0; i < rows; i++) {
            all.add(row.toString());
        }
        return all.toString();
    }

    private Object[] arguments(List<Object[]> rows) {
        List<Object> all = new ArrayList<>(rows.size() * columns.size());
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(
                        "A row of " + row.length + " values for " + columns.size() + " columns");
            }
            all.addAll(Arrays.asList(row));
        }
        return all.toArray();
    }

    private int[] types(int rows) {
        int[] types = new int[rows * columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i % columns.size()).jdbcType();
        }
        return types;
    }
}
