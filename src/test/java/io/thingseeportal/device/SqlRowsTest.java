package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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

/**
 * Many rows in one statement, on H2 in the PostgreSQL mode the demo and the tests run (PostgreSQL: the ingest's ITs and
 * {@code SqlRowsIT}).
 */
class SqlRowsTest {

    private final SqlRows rows =
            new SqlRows(Column.bigint("id"), Column.text("label"), Column.time("seen_at"), Column.smallint("battery"));
    private JdbcTemplate jdbc;

    /** The database the statements run on: H2 here, PostgreSQL in {@code SqlRowsIT}. */
    DriverManagerDataSource database() {
        return new DriverManagerDataSource("jdbc:h2:mem:sql-rows-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void aTable() {
        jdbc = new JdbcTemplate(database());
        jdbc.execute("DROP TABLE IF EXISTS thing");
        jdbc.execute("CREATE TABLE thing (id BIGINT PRIMARY KEY, label VARCHAR(64), seen_at TIMESTAMP WITH TIME ZONE,"
                + " battery SMALLINT)");
    }

    @Test
    void any_number_of_rows_is_written_by_one_statement_nulls_and_times_included() {
        Instant at = Instant.parse("2026-12-02T10:15:30.123Z");
        List<Object[]> values = IntStream.range(0, 1007)
                .mapToObj(i -> new Object[] {(long) i, "thing " + i, Timestamp.from(at), i % 2 == 0 ? null : (short) 3})
                .toList();

        rows.update(jdbc, "INSERT INTO thing (id, label, seen_at, battery) " + SqlRows.ROWS, values);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing", Long.class))
                .isEqualTo(1007L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing WHERE battery IS NULL", Long.class))
                .isEqualTo(504L);
        assertThat(jdbc.queryForObject("SELECT seen_at FROM thing WHERE id = 1006", Timestamp.class)
                        .toInstant())
                .isEqualTo(at);
        assertThat(jdbc.queryForObject("SELECT label FROM thing WHERE id = 1006", String.class))
                .isEqualTo("thing 1006");
    }

    @Test
    void a_merge_takes_the_rows_as_its_source() {
        jdbc.update("INSERT INTO thing (id, label) VALUES (3, 'three')");
        List<Object[]> values =
                List.of(new Object[] {3L, "three, again", null, (short) 7}, new Object[] {4L, "four", null, null});

        rows.update(
                jdbc,
                "MERGE INTO thing t USING (" + SqlRows.ROWS + ") AS s " + rows.names() + " ON t.id = s.id"
                        + " WHEN MATCHED THEN UPDATE SET label = s.label, battery = s.battery"
                        + " WHEN NOT MATCHED THEN INSERT (id, label) VALUES (s.id, s.label)",
                values);

        assertThat(jdbc.queryForList("SELECT label FROM thing ORDER BY id", String.class))
                .containsExactly("three, again", "four");
        assertThat(jdbc.queryForObject("SELECT battery FROM thing WHERE id = 3", Integer.class))
                .isEqualTo(7);
    }

    @Test
    void an_insert_hands_over_the_rows_it_inserted_and_not_those_it_skipped() {
        jdbc.update("INSERT INTO thing (id, label) VALUES (3, 'three'), (777, 'seven hundred and seventy-seven')");
        List<Object[]> offered = IntStream.range(0, 1000)
                .mapToObj(i -> new Object[] {(long) i, "new " + i, null, null})
                .toList();
        List<Long> inserted = new ArrayList<>();

        rows.insert(
                jdbc,
                "INSERT INTO thing (id, label, seen_at, battery) " + SqlRows.ROWS + " ON CONFLICT DO NOTHING",
                offered,
                new String[] {"id"},
                row -> {
                    inserted.add(row.getLong("id"));
                });

        assertThat(inserted).hasSize(998).doesNotContain(3L, 777L).contains(0L, 4L, 776L, 999L);
        assertThat(jdbc.queryForObject("SELECT label FROM thing WHERE id = 3", String.class))
                .isEqualTo("three");
    }

    @Test
    void a_row_of_the_wrong_width_is_refused_before_anything_is_written() {
        List<Object[]> values = List.of(new Object[] {1L, "one", null, null}, new Object[] {2L, "two"});

        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        rows.update(jdbc, "INSERT INTO thing (id, label, seen_at, battery) " + SqlRows.ROWS, values));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing", Long.class))
                .isZero();
    }

    @Test
    void a_statement_without_a_place_for_the_rows_is_refused() {
        List<Object[]> values = List.<Object[]>of(new Object[] {1L, "one", null, null});

        assertThatIllegalArgumentException()
                .isThrownBy(() -> rows.update(jdbc, "INSERT INTO thing (id) VALUES (1)", values))
                .withMessageContaining(SqlRows.ROWS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM thing", Long.class))
                .isZero();
    }
}
