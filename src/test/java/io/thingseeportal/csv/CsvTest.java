package io.thingseeportal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void records_keep_quoted_commas_quotes_and_line_breaks_and_know_their_first_line() throws Exception {
        var records = Csv.read(
                new StringReader("site,name\r\n\"Oulu, HQ\",\"Room \"\"A\"\"\"\r\nx,\"two\nlines\"\r\nlast,one"));

        assertThat(records)
                .containsExactly(
                        new Csv.Record(1, List.of("site", "name")),
                        new Csv.Record(2, List.of("Oulu, HQ", "Room \"A\"")),
                        new Csv.Record(3, List.of("x", "two\nlines")),
                        new Csv.Record(5, List.of("last", "one")));
    }

    @Test
    void a_spreadsheets_semicolons_and_byte_order_mark_are_understood() throws Exception {
        var records = Csv.read(new StringReader("\uFEFFsite;building\nOulu;Talo A\n"));

        assertThat(records)
                .containsExactly(
                        new Csv.Record(1, List.of("site", "building")), new Csv.Record(2, List.of("Oulu", "Talo A")));
    }

    @Test
    void an_empty_line_is_a_record_with_one_empty_field() throws Exception {
        assertThat(Csv.read(new StringReader("a\n\nb")))
                .extracting(Csv.Record::fields)
                .containsExactly(List.of("a"), List.of(""), List.of("b"));
    }
}
