package io.thingseeportal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AddressPlaceholdersTest {

    final MockEnvironment environment = new MockEnvironment()
            .withProperty("local.server.port", "8080")
            .withProperty("portal.demo.idp.issuer", "http://127.0.0.1:9000")
            .withProperty("spring.datasource.password", "db-secret");

    @Test
    void the_portals_port_and_the_demos_addresses_are_resolved() {
        assertThat(AddressPlaceholders.resolve("http://127.0.0.1:${local.server.port}/simulator/", environment))
                .isEqualTo("http://127.0.0.1:8080/simulator/");
        assertThat(AddressPlaceholders.resolve("${portal.demo.idp.issuer}", environment))
                .isEqualTo("http://127.0.0.1:9000");
        assertThat(AddressPlaceholders.resolve("https://stack.example/prod/v1/", environment))
                .isEqualTo("https://stack.example/prod/v1/");
    }

    @Test
    void any_other_setting_is_refused_and_never_read_into_the_address() {
        assertThatThrownBy(() -> AddressPlaceholders.resolve("https://${spring.datasource.password}/", environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not name the setting ${spring.datasource.password}")
                .hasMessageNotContaining("db-secret");
    }

    @Test
    void an_allowed_setting_without_a_value_is_named() {
        assertThatThrownBy(() -> AddressPlaceholders.resolve("${portal.demo.idp.second-issuer}", environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no value");
    }
}
