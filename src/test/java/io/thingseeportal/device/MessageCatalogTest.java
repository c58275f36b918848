package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The catalog of Thingsee messages (REFERENCE 5 and 6) and how it shows values. */
class MessageCatalogTest {

    static final List<Integer> DATA = List.of(
            1100, 1110, 1111, 1112, 2100, 11200, 11201, 12100, 12101, 12102, 13100, 13102, 13103, 16100, 17100, 17200,
            17210, 18100, 18101, 24100, 24101);
    static final List<Integer> CONFIGURATION = List.of(
            1500, 1501, 1502, 1503, 1504, 1505, 12200, 12210, 12211, 12212, 13200, 13210, 13211, 16200, 17110, 17220,
            18200, 24200, 24201, 11210);
    static final List<Integer> COMMANDS = List.of(1402, 1600, 1101);

    final MessageCatalog catalog = new MessageCatalog(new ObjectMapper());

    @Test
    void every_message_of_the_reference_is_in_the_catalog_as_its_kind() {
        DATA.forEach(id -> assertThat(catalog.type(id))
                .as("tsmId %d", id)
                .hasValueSatisfying(type -> assertThat(type.kind()).isEqualTo(MessageKind.DATA)));
        CONFIGURATION.forEach(id -> assertThat(catalog.type(id))
                .as("tsmId %d", id)
                .hasValueSatisfying(type -> assertThat(type.kind()).isEqualTo(MessageKind.CONFIGURATION)));
        COMMANDS.forEach(id -> assertThat(catalog.type(id))
                .as("tsmId %d", id)
                .hasValueSatisfying(type -> assertThat(type.kind()).isEqualTo(MessageKind.COMMAND)));
    }

    @Test
    void an_unknown_message_id_is_not_in_the_catalog() {
        assertThat(catalog.type(99999)).isEmpty();
    }

    @Test
    void fields_carry_unit_decimals_and_whether_they_are_charted() {
        assertThat(catalog.type(12100).flatMap(type -> type.field("temp")))
                .contains(new MessageField("temp", "°C", 1, true));
        assertThat(catalog.type(12101).flatMap(type -> type.field("hall")))
                .contains(new MessageField("hall", null, 0, false));
        assertThat(catalog.type(24100).flatMap(type -> type.field("carbonDioxide")))
                .hasValueSatisfying(field -> assertThat(field.unit()).isEqualTo("ppm"));
    }

    @Test
    void a_value_is_shown_with_its_decimals_and_unit_in_the_locales_way() {
        assertThat(catalog.format(12100, "temp", 21.5, Locale.ENGLISH)).isEqualTo("21.5 °C");
        assertThat(catalog.format(12100, "temp", 21.5, Locale.forLanguageTag("fi")))
                .isEqualTo("21,5 °C");
        assertThat(catalog.format(12100, "temp", 21.25, Locale.ENGLISH)).isEqualTo("21.3 °C");
        assertThat(catalog.format(12100, "temp", 21, Locale.ENGLISH)).isEqualTo("21.0 °C");
        assertThat(catalog.format(1110, "batl", 80, Locale.ENGLISH)).isEqualTo("80 %");
        assertThat(catalog.format(17100, "dist", 1215, Locale.ENGLISH)).isEqualTo("1,215 mm");
    }

    @Test
    void text_and_fields_the_catalog_does_not_know_are_shown_as_they_are() {
        assertThat(catalog.format(1100, "swVersion", "2023.06.12.2_ts_pir4", Locale.ENGLISH))
                .isEqualTo("2023.06.12.2_ts_pir4");
        assertThat(catalog.format(12100, "unknownField", 3.14159, Locale.ENGLISH))
                .isEqualTo("3.14159");
        assertThat(catalog.format(99999, "x", 1, Locale.ENGLISH)).isEqualTo("1");
    }

    @Test
    void every_data_field_and_message_has_a_label_in_english_and_finnish() throws IOException {
        for (String bundle : List.of("translations", "translations_en", "translations_fi")) {
            Properties labels = labels(bundle);
            for (int id : DATA) {
                assertThat(labels)
                        .as("%s: %s", bundle, MessageCatalog.nameKey(id))
                        .containsKey(MessageCatalog.nameKey(id));
                catalog.type(id)
                        .orElseThrow()
                        .fields()
                        .forEach(field -> assertThat(labels)
                                .as("%s: %s", bundle, MessageCatalog.labelKey(id, field.name()))
                                .containsKey(MessageCatalog.labelKey(id, field.name())));
            }
        }
    }

    private static Properties labels(String bundle) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessageCatalogTest.class.getResourceAsStream("/vaadin-i18n/" + bundle + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
