package io.thingseeportal.installation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.Translations;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.installation.LabelReading.Format;
import io.thingseeportal.installation.LabelReading.NotASensor;
import io.thingseeportal.installation.LabelReading.Reason;
import io.thingseeportal.installation.LabelReading.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelResolverTest {

    @Test
    void a_legacy_label_gives_imc_then_psn() {
        Sensor sensor = sensor(LabelResolver.resolve("EZU31901021,TSPR04"));

        assertThat(sensor.tuid()).isEqualTo("TSPR04EZU31901021");
        assertThat(sensor.imc()).isEqualTo("TSPR04");
        assertThat(sensor.product()).contains(ProductType.PRESENCE);
        assertThat(sensor.format()).isEqualTo(Format.LEGACY);
        assertThat(sensor.wirepasNodeId()).isNull();
    }

    @Test
    void a_legacy_label_may_carry_more_fields_after_the_imc() {
        assertThat(sensor(LabelResolver.resolve("ESY93100802,TSPD04,2019-03,rev2"))
                        .tuid())
                .isEqualTo("TSPD04ESY93100802");
    }

    @Test
    void a_haltian_label_gives_imc_then_serial_and_keeps_the_node_id() {
        Sensor sensor = sensor(LabelResolver.resolve("I#TSPR04,W#123456,S#EZU31901021"));

        assertThat(sensor.tuid()).isEqualTo("TSPR04EZU31901021");
        assertThat(sensor.format()).isEqualTo(Format.HALTIAN);
        assertThat(sensor.wirepasNodeId()).isEqualTo("123456");
    }

    @Test
    void a_haltian_labels_segments_may_come_in_any_order_and_case() {
        assertThat(sensor(LabelResolver.resolve("s#ewl14500663, w#15056570, i#tsap01"))
                        .tuid())
                .isEqualTo("TSAP01EWL14500663");
    }

    @Test
    void a_bare_tuid_is_read_as_it_is() {
        Sensor sensor = sensor(LabelResolver.resolve("TSGW06EWK31903495"));

        assertThat(sensor.tuid()).isEqualTo("TSGW06EWK31903495");
        assertThat(sensor.product()).contains(ProductType.GATEWAY);
        assertThat(sensor.format()).isEqualTo(Format.TUID);
    }

    @Test
    void a_typed_tuid_may_be_lower_case_with_spaces_or_dashes_between_its_parts() {
        assertThat(sensor(LabelResolver.resolve("  tspr04 ezu31901021\n")).tuid())
                .isEqualTo("TSPR04EZU31901021");
        assertThat(sensor(LabelResolver.resolve("TSPR04-EZU31901021")).tuid()).isEqualTo("TSPR04EZU31901021");
    }

    @Test
    void the_thingsee_address_form_gives_the_tuid_of_its_last_path_segment() {
        Sensor sensor = sensor(LabelResolver.resolve("https://thingsee.com/d/TSPR04E2O90201558"));

        assertThat(sensor.tuid()).isEqualTo("TSPR04E2O90201558");
        assertThat(sensor.format()).isEqualTo(Format.URL);
        assertThat(sensor(LabelResolver.resolve("HTTPS://WWW.THINGSEE.COM/d/tspr04e2o90201558/"))
                        .tuid())
                .isEqualTo("TSPR04E2O90201558");
    }

    @Test
    void an_r_and_d_device_is_a_sensor_of_its_product() {
        assertThat(sensor(LabelResolver.resolve("X2Z80562557,XXXX03")).product())
                .contains(ProductType.ENVIRONMENT);
    }

    @Test
    void a_thingsee_model_code_that_the_product_list_does_not_know_yet_is_still_a_sensor_of_no_known_product() {
        Sensor sensor = sensor(LabelResolver.resolve("TSZZ09ABC12345678"));

        assertThat(sensor.tuid()).isEqualTo("TSZZ09ABC12345678");
        assertThat(sensor.product()).isEmpty();
    }

    @Test
    void a_psn_and_an_imc_typed_into_fields_of_their_own_give_the_tuid() {
        assertThat(sensor(LabelResolver.resolve(" ezu31901021 ", "tspr04")).tuid())
                .isEqualTo("TSPR04EZU31901021");
    }

    @Test
    void a_psn_and_an_imc_typed_the_wrong_way_round_are_not_a_label() {
        assertThat(notASensor(LabelResolver.resolve("TSPR04", "EZU31901021")).reason())
                .isEqualTo(Reason.NOT_A_LABEL);
    }

    @Test
    void empty_fields_say_that_nothing_was_read() {
        assertThat(notASensor(LabelResolver.resolve(" ", null)).reason()).isEqualTo(Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void nothing_read_says_so(String text) {
        assertThat(notASensor(LabelResolver.resolve(text)).reason()).isEqualTo(Reason.EMPTY);
        assertThat(notASensor(LabelResolver.resolve(null)).reason()).isEqualTo(Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://www.haltian.com/products",
                "http://example.com/d/TSPR04EZU31901021",
                "www.thingsee.com",
                "https://thingsee.com/d/short",
                "https://thingsee.com/x/TSPR04EZU31901021"
            })
    void a_web_address_other_than_thingsees_device_address_is_a_web_address(String address) {
        NotASensor notASensor = notASensor(LabelResolver.resolve(address));

        assertThat(notASensor.reason()).isEqualTo(Reason.WEB_ADDRESS);
        assertThat(notASensor.describe()).contains("web address");
    }

    @Test
    void a_decrypted_stack_code_is_a_stack_credential_code() {
        assertThat(notASensor(LabelResolver.resolve("V1,acme-prod,https://api.example/,client-1"))
                        .reason())
                .isEqualTo(Reason.STACK_CREDENTIALS);
        assertThat(notASensor(LabelResolver.resolve("v1,secret")).reason()).isEqualTo(Reason.STACK_CREDENTIALS);
    }

    @Test
    void an_encrypted_stack_code_whole_aes_blocks_in_base64_is_a_stack_credential_code() {
        byte[] threeBlocks = new byte[48];
        for (int i = 0; i < threeBlocks.length; i++) {
            threeBlocks[i] = (byte) (i * 37 + 11);
        }

        assertThat(notASensor(LabelResolver.resolve(Base64.getEncoder().encodeToString(threeBlocks)))
                        .reason())
                .isEqualTo(Reason.STACK_CREDENTIALS);
    }

    @Test
    void base64_that_is_not_whole_aes_blocks_is_not_taken_for_a_stack_code() {
        String text =
                Base64.getEncoder().encodeToString("a note of thirty bytes in all!".getBytes(StandardCharsets.UTF_8));

        assertThat(notASensor(LabelResolver.resolve(text)).reason()).isEqualTo(Reason.NOT_A_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15056570", "123456", "4294967295", "W#15056570"})
    void a_wirepas_node_id_is_named_as_one(String text) {
        NotASensor notASensor = notASensor(LabelResolver.resolve(text));

        assertThat(notASensor.reason()).isEqualTo(Reason.WIREPAS_NODE_ID);
        assertThat(notASensor.describe()).contains("Wirepas node id");
    }

    @Test
    void a_number_too_large_for_a_wirepas_node_id_is_not_one() {
        assertThat(notASensor(LabelResolver.resolve("4294967296")).reason()).isEqualTo(Reason.NOT_A_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I#EXFF01,W#1,S#SERIAL12345", "SERIAL12345,EXFF01", "EXFF01SERIAL12345"})
    void a_device_of_another_maker_is_named_as_one(String text) {
        NotASensor notASensor = notASensor(LabelResolver.resolve(text));

        assertThat(notASensor.reason()).isEqualTo(Reason.OTHER_VENDOR);
        assertThat(notASensor.shown()).isEqualTo("EXFF01SERIAL12345");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hello world",
                "EZU3190102,TSPR04",
                "EZU31901021,TSPR4",
                "I#TSPR04,W#123",
                "I#TSPR04,S#",
                "#hashtag",
                "TSPR04EZU3190102",
                "6412345678901"
            })
    void anything_else_is_not_a_label(String text) {
        assertThat(notASensor(LabelResolver.resolve(text)).reason()).isEqualTo(Reason.NOT_A_LABEL);
    }

    @Test
    void a_long_unreadable_text_is_shown_shortened_on_one_line() {
        NotASensor notASensor = notASensor(LabelResolver.resolve("line one\nline two " + "x".repeat(600)));

        assertThat(notASensor.shown()).startsWith("line one line two x").endsWith("…");
        assertThat(notASensor.shown()).hasSize(LabelReading.SHOWN_LENGTH + 1);
    }

    @Test
    void each_reason_has_a_translation_key_of_its_own() {
        assertThat(notASensor(LabelResolver.resolve("www.example.com")).messageKey())
                .isEqualTo("label.not-a-sensor.web-address");
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void each_reason_reads_in_english_and_finnish_with_the_text_it_repeats(Reason reason) {
        NotASensor notASensor = new NotASensor(reason, "ABC123");

        for (String language : Translations.LANGUAGES) {
            String message = Translations.format(language, notASensor.messageKey(), notASensor.shown());
            assertThat(message).as(language).doesNotContain("''").doesNotContain("{0}");
            assertThat(message.contains("ABC123"))
                    .isEqualTo(notASensor.describe().contains("ABC123"));
        }
    }

    private static Sensor sensor(LabelReading reading) {
        assertThat(reading).isInstanceOf(Sensor.class);
        return (Sensor) reading;
    }

    private static NotASensor notASensor(LabelReading reading) {
        assertThat(reading).isInstanceOf(NotASensor.class);
        return (NotASensor) reading;
    }
}
