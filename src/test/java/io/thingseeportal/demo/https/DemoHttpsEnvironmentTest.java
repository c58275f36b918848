package io.thingseeportal.demo.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DemoHttpsEnvironmentTest {

    private final List<LanAddress.Card> cards = List.of(
            new LanAddress.Card("lo", true, true, false, List.of(InetAddress.getLoopbackAddress())),
            new LanAddress.Card("wlan0", true, false, false, List.of(address("192.168.1.20"))));

    @Test
    void nothing_is_set_when_https_is_off() {
        StandardEnvironment environment = demo(Map.of("portal.demo.https", "false"));

        process(environment);

        assertThat(environment.getPropertySources().contains(DemoHttpsEnvironment.PROPERTY_SOURCE))
                .isFalse();
        assertThat(environment.getProperty("portal.demo.idp.issuer")).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void nothing_is_set_outside_the_demo_profile() {
        StandardEnvironment environment = environment(Map.of("portal.demo.https", "true"));

        process(environment);

        assertThat(environment.getPropertySources().contains(DemoHttpsEnvironment.PROPERTY_SOURCE))
                .isFalse();
    }

    @Test
    void both_identity_providers_move_to_the_lan_address_of_the_network_cards() {
        StandardEnvironment environment = demo(Map.of(
                "portal.demo.https", "true",
                "portal.demo.idp.second-issuer", "http://127.0.0.1:9001"));

        process(environment);

        assertThat(environment.getProperty("portal.demo.lan-address")).isEqualTo("192.168.1.20");
        assertThat(environment.getProperty("portal.demo.idp.issuer")).isEqualTo("http://192.168.1.20:9000");
        assertThat(environment.getProperty("portal.demo.idp.second-issuer")).isEqualTo("http://192.168.1.20:9001");
    }

    @Test
    void the_lan_address_setting_wins_over_the_network_cards() {
        StandardEnvironment environment =
                demo(Map.of("portal.demo.https", "true", "portal.demo.lan-address", "10.0.0.7"));

        process(environment);

        assertThat(environment.getProperty("portal.demo.lan-address")).isEqualTo("10.0.0.7");
        assertThat(environment.getProperty("portal.demo.idp.issuer")).isEqualTo("http://10.0.0.7:9000");
    }

    @Test
    void an_identity_provider_on_a_host_of_its_own_stays_there() {
        StandardEnvironment environment =
                demo(Map.of("portal.demo.https", "true", "portal.demo.idp.issuer", "http://idp.example:9000"));

        process(environment);

        assertThat(environment.getProperty("portal.demo.idp.issuer")).isEqualTo("http://idp.example:9000");
    }

    private void process(StandardEnvironment environment) {
        new DemoHttpsEnvironment(Supplier::get, () -> cards)
                .postProcessEnvironment(environment, new SpringApplication());
    }

    private static StandardEnvironment demo(Map<String, Object> settings) {
        StandardEnvironment environment = environment(settings);
        environment.setActiveProfiles("demo");
        return environment;
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(Map.of("portal.demo.idp.issuer", "http://127.0.0.1:9000"));
        all.putAll(settings);
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
