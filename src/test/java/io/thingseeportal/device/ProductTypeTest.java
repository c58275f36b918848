package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTypeTest {

    @ParameterizedTest
    @CsvSource({
        "TSPR04EZU31901021, PRESENCE",
        "TSGW05ABC12345678, GATEWAY_LAN",
        "TSGW02TOT25783266, GATEWAY",
        "TSEN01XYZ00000001, ENVIRONMENT",
        "TSRU02XYZ00000001, ENVIRONMENT_RUGGED",
        "TSTF04XYZ00000001, BEAM",
        "TSLK01XYZ00000001, LEAKAGE",
        "TSAP01XYZ00000001, COUNT",
        "XXAR01XYZ00000001, AIR"
    })
    void the_product_is_told_by_the_imc_at_the_start_of_the_tuid(String tuid, ProductType product) {
        assertThat(ProductType.ofTuid(tuid)).contains(product);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TSPR0", "ABCDEF123", "tspr04ezu31901021"})
    void a_tuid_of_no_known_product_has_none(String tuid) {
        assertThat(ProductType.ofTuid(tuid)).isEmpty();
    }
}
