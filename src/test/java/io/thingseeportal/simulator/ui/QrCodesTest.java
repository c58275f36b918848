package io.thingseeportal.simulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.simulator.QrDecoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"EZU31901021,TSPR04", "I#TSPR04,W#15056570,S#EZU31901021"})
    void a_code_decodes_back_to_its_content(String content) {
        assertThat(QrDecoding.decode(QrCodes.png(content))).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EZU31901021,TSPR04"})
    void a_data_uri_carries_the_same_code(String content) {
        assertThat(QrDecoding.decodeDataUri(QrCodes.dataUri(content))).isEqualTo(content);
    }
}
