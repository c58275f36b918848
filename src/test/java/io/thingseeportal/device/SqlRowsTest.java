package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.device.SqlRows.Column;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Many rows in one statement, on H2 in the PostgreSQL mode the demo and the tests run (PostgreSQL: the ingest's ITs). */
class SqlRowsTest {

    private final SqlRows rows =
            new SqlRows(Column.bigint("id"), Column.text("label"), Column.time("seen_at"), Column.smallint("battery"));
    private JdbcTemplate jdbc;

    @BeforeEach
    void aTable() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:sql-rows-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
        jdbc.execute("CREATE TABLE thing (id BIGINT PRIMARY KEY, label VARCHAR(64), seen_at TIMESTAMP WITH TIME ZONE,"
                + " battery SMALLINT)");
    }

    @Test
    void more_rows_than_one_statement_takes_are_all_written_nulls_included() {
        Instant at = Instant.parse("2026-12-02T10:15:30.123Z");
        List<Object[]> values = IntStream.range(0, SqlRows.ROWS_PER_STATEMENT * 2 + 7)
                .mapToObj(i -> new Object[] {(long) i, "thing " + i, Timestamp.from(at), i % 2 == 0 ? null : (short) 3})
                .toList();

        rows.update(jdbc, "INSERT INTO thing (id, label, seen_at, battery) {values}", values);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing", Long.class))
                .isEqualTo(1007L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing WHERE battery IS NULL", Long.class))
                .isEqualTo(504L);
        assertThat(jdbc.queryForObject("SELECT seen_at FROM thing WHERE id = 1006", Timestamp.class)
                        .toInstant())
                .isEqualTo(at);
    }

    @Test
    void a_query_joined_to_the_rows_answers_for_every_slice() {
        jdbc.update("INSERT INTO thing (id, label) VALUES (3, 'three'), (777, 'seven hundred and seventy-seven')");
        List<Object[]> asked = IntStream.range(0, 1000)
                .mapToObj(i -> new Object[] {(long) i, null, null, null})
                .toList();
        List<String> found = new ArrayList<>();

        rows.query(
                jdbc,
                "SELECT t.label FROM thing t JOIN ({values}) AS k " + rows.names() + " ON t.id = k.id ORDER BY t.id",
                asked,
                row -> {
                    found.add(row.getString("label"));
                });

        assertThat(found).containsExactly("three", "seven hundred and seventy-seven");
    }

    @Test
    void a_row_of_the_wrong_width_is_refused_before_anything_is_written() {
        List<Object[]> values = List.of(new Object[] {1L, "one", null, null}, new Object[] {2L, "two"});

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> rows.update(jdbc, "INSERT INTO thing (id, label, seen_at, battery) {values}", values));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing", Long.class))
                .isZero();
    }
}
