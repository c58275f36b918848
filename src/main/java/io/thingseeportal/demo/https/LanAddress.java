package io.thingseeportal.demo.https;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Chooses the address at which a phone on the same network reaches this machine. */
final class LanAddress {

    /**
     * Java marks only sub-interfaces ({@code eth0:1}) as virtual; container bridges and VPN tunnels look like network
     * cards and often hold private addresses that no phone on the Wi-Fi can reach.
     */
    private static final List<String> BRIDGES_AND_TUNNELS = List.of(
            "docker",
            "br-",
            "veth",
            "virbr",
            "vboxnet",
            "vmnet",
            "cni",
            "flannel",
            "tun",
            "tap",
            "utun",
            "wg",
            "zt",
            "tailscale");

    /** What the choice needs to know of a network interface, so that it can be tested without real ones. */
    record Card(String name, boolean up, boolean loopback, boolean virtual, List<InetAddress> addresses) {}

    /** A chosen address and the card that has it, which the log names so that a wrong choice is easy to spot. */
    record Choice(String card, InetAddress address) {

        String ip() {
            return address.getHostAddress();
        }
    }

    private LanAddress() {}

    /**
     * The first private (site-local) IPv4 address of a card that is up and neither loopback nor virtual; failing that,
     * its first other IPv4 address that is not link-local (a machine with a public address, say).
     */
    static Optional<Choice> choose(List<Card> cards) {
        List<Choice> usable = cards.stream()
                .filter(card -> card.up() && !card.loopback() && !card.virtual() && !isBridgeOrTunnel(card.name()))
                .flatMap(card -> card.addresses().stream()
                        .filter(address -> address instanceof Inet4Address
                                && !address.isLoopbackAddress()
                                && !address.isLinkLocalAddress()
                                && !address.isAnyLocalAddress())
                        .map(address -> new Choice(card.name(), address)))
                .toList();
        return usable.stream()
                .filter(choice -> choice.address().isSiteLocalAddress())
                .findFirst()
                .or(() -> usable.stream().findFirst());
    }

    /** This machine's network cards; none when the system will not tell. */
    static List<Card> ofThisMachine() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .map(LanAddress::card)
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static Card card(NetworkInterface card) {
        try {
            return new Card(
                    card.getName(),
                    card.isUp(),
                    card.isLoopback(),
                    card.isVirtual(),
                    Collections.list(card.getInetAddresses()));
        } catch (SocketException e) {
            return new Card(card.getName(), false, false, false, List.of());
        }
    }

    private static boolean isBridgeOrTunnel(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return BRIDGES_AND_TUNNELS.stream().anyMatch(lower::startsWith);
    }
}
