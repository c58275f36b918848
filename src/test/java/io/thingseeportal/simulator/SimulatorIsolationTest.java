package io.thingseeportal.simulator;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token opens one stack: it never sees or changes another stack's devices or groups. */
class SimulatorIsolationTest extends SimulatorHttpTest {

    String borealis;

    @BeforeEach
    void signInToBorealis() throws Exception {
        borealis = token(BOREALIS);
    }

    @Test
    void a_device_of_another_stack_is_not_found() throws Exception {
        String theirs = tuidOf(BOREALIS, ProductType.PRESENCE);
        getAs(borealis, "things/" + theirs).andExpect(status().isOk());
        get("things/" + theirs).andExpect(errorBody(404, "Not Found"));
        get("things/" + theirs + "/messages?limit=5").andExpect(errorBody(404, "Not Found"));
        post("things/" + theirs + "/installations", json("{'installation_status':'retired'}"))
                .andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void a_group_created_in_one_stack_is_not_in_the_other() throws Exception {
        post("groups", json("{'group_id':'prfi00acmeonly'}")).andExpect(status().isOk());
        getAs(borealis, "groups").andExpect(jsonPath("$.data[*].group_id", not(hasItem("prfi00acmeonly"))));
        postAs(borealis, "groups", json("{'group_id':'prfi00acmeonly'}")).andExpect(status().isOk());
    }

    @Test
    void each_stack_has_its_own_demo_group_and_fleet() throws Exception {
        get("groups").andExpect(jsonPath("$.data[*].group_id", hasItem("dmfi00showroom")));
        getAs(borealis, "groups")
                .andExpect(jsonPath("$.data[*].group_id", hasItem("dmse00showroom")))
                .andExpect(jsonPath("$.data[*].group_id", not(hasItem("dmfi00showroom"))));
        getAs(borealis, "groups/unassigned/things")
                .andExpect(jsonPath("$.data.tuids", not(hasItem(tuidOf(ACME, ProductType.AIR)))));
    }

    @Test
    void alerts_are_per_stack() throws Exception {
        getAs(borealis, "things/alerts")
                .andExpect(jsonPath("$.data.alerting_tuids", not(hasItem(tuidOf(ACME, ProductType.COUNT)))));
        get("things/alerts").andExpect(jsonPath("$.data.alerting_tuids[0]").value(lastDevice(ACME)));
        getAs(borealis, "things/alerts")
                .andExpect(jsonPath("$.data.alerting_tuids[0]").value(lastDevice(BOREALIS)));
    }

    private String lastDevice(String stack) {
        return store.read(
                stack, state -> state.devices().get(state.devices().size() - 1).tuid());
    }
}
