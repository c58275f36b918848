package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.device.MessageCatalog;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Everything the simulated devices publish or accept is a message the portal's catalog knows. */
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
}
