package io.thingseeportal.demo.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanAddressTest {

    @Test
    void the_private_address_of_a_card_that_is_up_is_chosen() {
        assertThat(LanAddress.choose(List.of(card("wlan0", "fe80::1", "192.168.1.20"))))
                .hasValueSatisfying(choice -> {
                    assertThat(choice.ip()).isEqualTo("192.168.1.20");
                    assertThat(choice.card()).isEqualTo("wlan0");
                });
    }

    @Test
    void loopback_and_cards_that_are_down_are_skipped() {
        var loopback = new LanAddress.Card("lo", true, true, false, addresses("127.0.0.1"));
        var down = new LanAddress.Card("eth0", false, false, false, addresses("10.0.0.5"));

        assertThat(LanAddress.choose(List.of(loopback, down, card("wlan0", "192.168.1.20"))))
                .hasValueSatisfying(choice -> assertThat(choice.ip()).isEqualTo("192.168.1.20"));
    }

    @Test
    void virtual_cards_container_bridges_and_tunnels_are_skipped() {
        var virtual = new LanAddress.Card("eth0:1", true, false, true, addresses("10.1.1.1"));

        assertThat(LanAddress.choose(List.of(
                        virtual,
                        card("docker0", "172.17.0.1"),
                        card("br-5f2a", "172.18.0.1"),
                        card("tun0", "10.8.0.2"),
                        card("en0", "192.168.1.20"))))
                .hasValueSatisfying(choice -> assertThat(choice.ip()).isEqualTo("192.168.1.20"));
    }

    @Test
    void a_private_address_wins_over_a_public_one_of_an_earlier_card() {
        assertThat(LanAddress.choose(List.of(card("eth0", "192.0.2.2"), card("wlan0", "10.0.0.7"))))
                .hasValueSatisfying(choice -> assertThat(choice.ip()).isEqualTo("10.0.0.7"));
    }

    @Test
    void without_a_private_address_the_first_other_ipv4_address_is_chosen() {
        assertThat(LanAddress.choose(List.of(card("eth0", "169.254.3.4", "192.0.2.2"))))
                .hasValueSatisfying(choice -> assertThat(choice.ip()).isEqualTo("192.0.2.2"));
    }

    @Test
    void nothing_is_chosen_when_only_loopback_is_up() {
        assertThat(LanAddress.choose(List.of(new LanAddress.Card("lo", true, true, false, addresses("127.0.0.1")))))
                .isEmpty();
    }

    private static LanAddress.Card card(String name, String... addresses) {
        return new LanAddress.Card(name, true, false, false, addresses(addresses));
    }

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals)
                .map(literal -> {
                    try {
                        return InetAddress.getByName(literal);
                    } catch (UnknownHostException e) {
                        throw new IllegalArgumentException(literal, e);
                    }
                })
                .toList();
    }
}
