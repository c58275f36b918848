package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The catalog of Thingsee messages (REFERENCE 5 and 6): how it shows values and what the portal may send. */
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
                .hasValueSatisfying(field -> assertThat(field)
                        .extracting(MessageField::unit, MessageField::decimals, MessageField::numeric)
                        .containsExactly("°C", 1, true));
        assertThat(catalog.type(12101).flatMap(type -> type.field("hall")))
                .hasValueSatisfying(field -> assertThat(field)
                        .extracting(MessageField::unit, MessageField::decimals, MessageField::numeric)
                        .containsExactly(null, 0, false));
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

    @Test
    void every_configuration_and_command_field_has_a_type() {
        assertThat(parameters())
                .allSatisfy(parameter -> assertThat(parameter.json().hasNonNull("type"))
                        .as(parameter.toString())
                        .isTrue());
    }

    @Test
    void every_default_lies_within_its_fields_range() {
        assertThat(parameters()).allSatisfy(parameter -> {
            MessageField field = parameter.field();
            for (BigDecimal value : numbers(field.defaultValue())) {
                if (field.min() != null) {
                    assertThat(value).as(parameter.toString()).isGreaterThanOrEqualTo(field.min());
                }
                if (field.max() != null) {
                    assertThat(value).as(parameter.toString()).isLessThanOrEqualTo(field.max());
                }
            }
        });
    }

    @Test
    void a_default_is_one_of_the_named_values_its_field_offers() {
        assertThat(parameters())
                .filteredOn(parameter -> !parameter.field().namedValues().isEmpty()
                        && parameter.field().defaultValue() != null)
                .isNotEmpty()
                .allSatisfy(parameter -> assertThat(
                                parameter.field().namedValue(parameter.field().defaultValue()))
                        .as(parameter.toString())
                        .isPresent());
    }

    @Test
    void every_configuration_field_the_portal_sends_offering_named_values_has_a_default() {
        assertThat(parameters())
                .filteredOn(parameter -> !parameter.field().namedValues().isEmpty())
                .filteredOn(parameter -> catalog.type(parameter.tsmId())
                        .filter(type -> type.sendable() && type.kind() == MessageKind.CONFIGURATION)
                        .isPresent())
                .allSatisfy(parameter -> assertThat(parameter.field().defaultValue())
                        .as(parameter.toString())
                        .isNotNull());
    }

    @Test
    void every_configuration_field_value_and_help_has_a_text_in_english_and_finnish() throws IOException {
        for (String bundle : List.of("translations", "translations_en", "translations_fi")) {
            Properties texts = labels(bundle);
            for (Parameter parameter : parameters()) {
                int id = parameter.tsmId();
                MessageField field = parameter.field();
                List<String> keys = new ArrayList<>(List.of(
                        MessageCatalog.nameKey(id), MessageCatalog.labelKey(id, field.name()), field.helpKey()));
                field.namedValues().forEach(value -> keys.add(value.labelKey()));
                assertThat(texts).as(bundle).containsKeys(keys.toArray(String[]::new));
            }
        }
    }

    @Test
    void named_values_are_labelled_by_their_value() {
        MessageField hallMode =
                catalog.type(12200).flatMap(type -> type.field("hallMode")).orElseThrow();

        assertThat(hallMode.namedValues())
                .extracting(NamedValue::value, NamedValue::labelKey)
                .containsExactly(
                        tuple(-1L, "catalog.12200.hallMode.-1"),
                        tuple(0L, "catalog.12200.hallMode.0"),
                        tuple(1L, "catalog.12200.hallMode.1"));
        assertThat(hallMode.helpKey()).isEqualTo("catalog.12200.hallMode.help");
    }

    @Test
    void fields_carry_their_type_range_default_and_whether_they_are_read_only() {
        MessageField threshold =
                catalog.type(13200).flatMap(type -> type.field("threshold")).orElseThrow();
        MessageField roi =
                catalog.type(17220).flatMap(type -> type.field("rangingROI")).orElseThrow();
        MessageField hysteresis = catalog.type(12210)
                .flatMap(type -> type.field("temperatureHysteresis"))
                .orElseThrow();

        assertThat(threshold.type()).isEqualTo(ParameterType.INTEGER);
        assertThat(threshold.min()).isEqualByComparingTo("60");
        assertThat(threshold.max()).isEqualByComparingTo("1100");
        assertThat(threshold.defaultValue()).isEqualTo(150L);
        assertThat(roi.type()).isEqualTo(ParameterType.INTEGERS);
        assertThat(roi.length()).isEqualTo(4);
        assertThat(roi.defaultValue()).isEqualTo(List.of(4L, 4L, 11L, 11L));
        assertThat(hysteresis.defaultValue()).isEqualTo(new BigDecimal("0.5"));
        assertThat(catalog.type(1402).flatMap(type -> type.field("result")))
                .hasValueSatisfying(result -> assertThat(result.readOnly()).isTrue());
    }

    @Test
    void configuration_messages_are_sent_with_tsm_ev_30_and_commands_with_35() {
        assertThat(catalog.type(1500).orElseThrow().requestEvent()).hasValue(30);
        assertThat(catalog.type(1402).orElseThrow().requestEvent()).hasValue(35);
        assertThat(catalog.type(1600).orElseThrow().requestEvent()).hasValue(35);
        assertThat(catalog.type(1101).orElseThrow().sendable()).isFalse();
        assertThat(catalog.type(1102).orElseThrow().requestEvent()).isEmpty();
        assertThat(catalog.type(12100).orElseThrow().sendable()).isFalse();
    }

    @Test
    void an_angle_sensor_is_offered_its_own_led_message_and_not_the_common_one() {
        assertThat(catalog.sendableFor(ProductType.ANGLE))
                .extracting(MessageType::tsmId)
                .contains(18200, 1500)
                .doesNotContain(1505);
    }

    @Test
    void a_gateway_is_offered_its_remote_command_and_ping_but_no_sensor_configuration() {
        assertThat(catalog.sendableFor(ProductType.GATEWAY))
                .extracting(MessageType::tsmId)
                .containsExactly(1402, 1600);
        assertThat(catalog.takes(ProductType.GATEWAY, 11210)).isTrue();
        assertThat(catalog.takes(ProductType.GATEWAY, 1500)).isFalse();
    }

    @Test
    void configuration_messages_come_first_in_id_order_then_commands() {
        assertThat(catalog.sendableFor(ProductType.PRESENCE))
                .extracting(MessageType::tsmId)
                .containsExactly(1500, 1501, 1502, 1503, 1504, 1505, 13200, 1600);
    }

    @Test
    void every_product_but_activity_is_offered_something() {
        assertThat(ProductType.values())
                .filteredOn(product -> catalog.sendableFor(product).isEmpty())
                .containsExactly(ProductType.ACTIVITY);
    }

    /** One configuration or command field, with its description in the file. */
    record Parameter(int tsmId, MessageField field, JsonNode json) {
        @Override
        public String toString() {
            return tsmId + "." + field.name();
        }
    }

    private List<Parameter> parameters() {
        JsonNode file;
        try (InputStream in = MessageCatalogTest.class.getResourceAsStream(MessageCatalog.RESOURCE)) {
            file = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode message : file.path("messages")) {
            if (!"data".equals(message.path("kind").asText())) {
                int id = message.path("tsmId").asInt();
                for (JsonNode json : message.path("fields")) {
                    MessageField field = catalog.type(id)
                            .flatMap(type -> type.field(json.path("name").asText()))
                            .orElseThrow();
                    parameters.add(new Parameter(id, field, json));
                }
            }
        }
        return parameters;
    }

    private static List<BigDecimal> numbers(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list.stream().flatMap(element -> numbers(element).stream()).toList();
        }
        if (value instanceof Long whole) {
            return List.of(BigDecimal.valueOf(whole));
        }
        return value instanceof BigDecimal decimal ? List.of(decimal) : List.of();
    }

    private static Properties labels(String bundle) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessageCatalogTest.class.getResourceAsStream("/vaadin-i18n/" + bundle + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
