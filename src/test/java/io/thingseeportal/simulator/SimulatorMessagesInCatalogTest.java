package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Everything the simulated devices publish or accept is a message the portal's catalog knows, and everything the portal
 * offers to send is a command the simulated cloud accepts (REFERENCE 9.4).
 */
class SimulatorMessagesInCatalogTest {

    @Test
    void every_tsm_id_the_simulator_publishes_or_accepts_is_in_the_catalog() {
        var catalog = new MessageCatalog(new ObjectMapper());
        Set<Integer> ids = new HashSet<>(Set.of(1110));
        for (ProductType type : ProductType.values()) {
            ids.add(type.dataMessageId());
        }
        ids.addAll(CommandRules.CONFIGURATIONS);
        ids.addAll(CommandRules.COMMANDS);

        assertThat(ids)
                .allSatisfy(
                        id -> assertThat(catalog.type(id)).as("tsmId %d", id).isPresent());
    }

    @Test
    void every_message_the_portal_offers_is_one_the_simulator_accepts() {
        var catalog = new MessageCatalog(new ObjectMapper());

        assertThat(catalog.types())
                .filteredOn(MessageType::sendable)
                .isNotEmpty()
                .allSatisfy(type -> assertThat(
                                accepted(type.tsmId(), type.requestEvent().orElseThrow()))
                        .as(
                                "tsmId %d with tsmEv %d",
                                type.tsmId(), type.requestEvent().orElseThrow())
                        .isTrue());
    }

    private static boolean accepted(int tsmId, int tsmEv) {
        return (tsmEv == CommandRules.CONFIGURATION_REQUEST && CommandRules.CONFIGURATIONS.contains(tsmId))
                || (tsmEv == CommandRules.COMMAND_REQUEST && CommandRules.COMMANDS.contains(tsmId));
    }
}
