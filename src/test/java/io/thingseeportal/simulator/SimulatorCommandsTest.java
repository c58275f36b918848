package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class SimulatorCommandsTest extends SimulatorHttpTest {

    @Autowired
    ApplicationEvents events;

    @Test
    void an_accepted_command_is_echoed_with_time_destination_and_the_responsible_client() throws Exception {
        String tuid = tuidOf(ACME, ProductType.PRESENCE);
        send(tuid, "[{'tsmId':1500,'tsmEv':30,'transactionId':99999,'measurementInterval':60,'reportInterval':300}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.responsible").value("acme-demo-client"))
                .andExpect(jsonPath("$.data.commands[0].tsmId").value(1500))
                .andExpect(jsonPath("$.data.commands[0].tsmEv").value(30))
                .andExpect(jsonPath("$.data.commands[0].tsmTs").value(START.getEpochSecond()))
                .andExpect(jsonPath("$.data.commands[0].tsmDstTuid").value(tuid))
                .andExpect(jsonPath("$.data.commands[0].transactionId").value(99999))
                .andExpect(jsonPath("$.data.commands[0].reportInterval").value(300));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[{'tsmId':1505,'tsmEv':30,'profileId':1,'duration':60}]",
                "[{'tsmId':13200,'tsmEv':30,'threshold':150}]",
                "[{'tsmId':24201,'tsmEv':30,'calibrationValue':400}]",
                "[{'tsmId':1600,'tsmEv':35,'transactionId':1}]",
                "[{'tsmId':1402,'tsmEv':35,'command':'REBOOT','payload':''}]",
                "[{'tsmId':1500,'tsmEv':30,'reportInterval':60},{'tsmId':13200,'tsmEv':30,'mode':1}]"
            })
    void allowed_commands_are_accepted(String commands) throws Exception {
        send(tuidOf(ACME, ProductType.PRESENCE), commands).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[{'tsmId':1500,'tsmEv':35}]", // a configuration sent as a command request
                "[{'tsmId':1600,'tsmEv':30}]", // a ping sent as a configuration
                "[{'tsmId':11210,'tsmEv':30}]", // gateway heartbeat config is not on the list
                "[{'tsmId':1506,'tsmEv':30}]",
                "[{'tsmEv':30}]",
                "[{'tsmId':'1500','tsmEv':30}]",
                "[{'tsmId':1500,'tsmEv':30},{'tsmId':9999,'tsmEv':30}]", // one bad message refuses the call
                "[]",
                "{'tsmId':1500,'tsmEv':30}" // not an array
            })
    void other_commands_are_a_bad_request(String commands) throws Exception {
        send(tuidOf(ACME, ProductType.PRESENCE), commands).andExpect(errorBody(400, "Bad Request"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 2147483647L})
    void a_transaction_id_at_the_ends_of_its_range_is_accepted(long transactionId) throws Exception {
        send(tuidOf(ACME, ProductType.AIR), "[{'tsmId':24200,'tsmEv':30,'transactionId':" + transactionId + "}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.commands[0].transactionId").value(transactionId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2147483648", "99999999999999999999999", "1.5", "'7'", "null"})
    void a_transaction_id_outside_its_range_is_a_bad_request(String transactionId) throws Exception {
        send(tuidOf(ACME, ProductType.AIR), "[{'tsmId':24200,'tsmEv':30,'transactionId':" + transactionId + "}]")
                .andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void a_destination_other_than_the_path_is_a_bad_request() throws Exception {
        String other = tuidOf(ACME, ProductType.AIR);
        send(tuidOf(ACME, ProductType.PRESENCE), "[{'tsmId':1500,'tsmEv':30,'tsmDstTuid':'" + other + "'}]")
                .andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void commands_to_an_unknown_tuid_are_not_found() throws Exception {
        send("TSPR04ZZZ99999999", "[{'tsmId':1500,'tsmEv':30}]").andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void the_history_lists_accepted_commands_newest_first() throws Exception {
        String tuid = tuidOf(ACME, ProductType.PRESENCE);
        send(tuid, "[{'tsmId':1500,'tsmEv':30,'transactionId':1}]");
        send(tuid, "[{'tsmId':1600,'tsmEv':30}]"); // refused, so not in the history
        clock.advance(Duration.ofMinutes(1));
        send(tuid, "[{'tsmId':13200,'tsmEv':30,'transactionId':2}]");
        get("things/" + tuid + "/commands")
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.data[*].commands[0].transactionId").value(contains(2, 1)));
        get("things/" + tuid + "/commands?limit=1")
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].tuid").value(tuid))
                .andExpect(jsonPath("$.data[0].responsible").value("acme-demo-client"))
                .andExpect(jsonPath("$.data[0].timestamp").value(START.getEpochSecond() + 60))
                .andExpect(jsonPath("$.data[0].commands[0].tsmId").value(13200));
    }

    @Test
    void an_accepted_command_is_announced_for_the_device_simulation() throws Exception {
        String tuid = tuidOf(ACME, ProductType.ANGLE);
        send(tuid, "[{'tsmId':18200,'tsmEv':30,'transactionId':123499,'profileId':1,'duration':1800}]");
        assertThat(events.stream(SimulatedCommandAccepted.class))
                .singleElement()
                .satisfies(accepted -> {
                    assertThat(accepted.stack()).isEqualTo(ACME);
                    assertThat(accepted.tuid()).isEqualTo(tuid);
                    assertThat(accepted.acceptedAt()).isEqualTo(START);
                    assertThat(accepted.commands())
                            .singleElement()
                            .satisfies(command -> assertThat(command)
                                    .containsEntry("tsmId", 18200)
                                    .containsEntry("transactionId", 123499)
                                    .containsEntry("tsmDstTuid", tuid));
                });
    }

    @Test
    void a_refused_command_is_not_announced() throws Exception {
        send(tuidOf(ACME, ProductType.ANGLE), "[{'tsmId':9999,'tsmEv':30}]");
        assertThat(events.stream(SimulatedCommandAccepted.class)).isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions send(String tuid, String commands) throws Exception {
        return post("things/" + tuid + "/commands", json(commands));
    }
}
