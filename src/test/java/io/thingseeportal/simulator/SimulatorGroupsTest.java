package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatorGroupsTest extends SimulatorHttpTest {

    @Test
    void a_valid_group_is_created_and_listed() throws Exception {
        post("groups", json("{'group_id':'prfi00northernfinland','group_description':'Sensors in the north'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.group_id").value("prfi00northernfinland"))
                .andExpect(jsonPath("$.data.group_description").value("Sensors in the north"));
        get("groups").andExpect(jsonPath("$.data[*].group_id", hasItem("prfi00northernfinland")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unxx00spare", "dmse00showroom2", "rdgb00testlab", "prus00a", "prfi002024oamk1"})
    void ids_of_every_environment_and_a_real_country_or_xx_are_accepted(String groupId) throws Exception {
        post("groups", json("{'group_id':'" + groupId + "'}")).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "qafi00lab", // unknown environment
                "pruk00london", // uk is not an ISO 3166-1 code (gb is)
                "przz00nowhere", // neither a country nor xx
                "prfi01office", // the reserved pair must be 00
                "prfi00", // no customer part
                "prfi00Office", // upper case
                "prfi00north finland", // whitespace
                "prfi00abcdefghijklmnopqrstuvwxyz0123456" // customer part longer than 32
            })
    void ids_breaking_a_rule_are_a_bad_request(String groupId) throws Exception {
        post("groups", json("{'group_id':'" + groupId + "'}")).andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void unassigned_cannot_be_created() throws Exception {
        post("groups", json("{'group_id':'unassigned'}")).andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void a_group_needs_an_id() throws Exception {
        post("groups", json("{'group_description':'nameless'}")).andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void an_existing_id_is_a_conflict() throws Exception {
        post("groups", json("{'group_id':'prfi00twice'}")).andExpect(status().isOk());
        post("groups", json("{'group_id':'prfi00twice'}")).andExpect(errorBody(409, "Conflict"));
    }

    @Test
    void groups_are_searched_by_q_and_limited() throws Exception {
        post("groups", json("{'group_id':'prfi00oulu1','group_description':'Oulu office'}"));
        post("groups", json("{'group_id':'prfi00oulu2'}"));
        post("groups", json("{'group_id':'prfi00tampere'}"));
        get("groups?q=oulu").andExpect(jsonPath("$.data.length()").value(2));
        get("groups?q=OFFICE").andExpect(jsonPath("$.data[0].group_id").value("prfi00oulu1"));
        get("groups?limit=1").andExpect(jsonPath("$.data.length()").value(1));
    }

    @Test
    void the_toolbox_spelling_with_a_trailing_slash_answers_too() throws Exception {
        get("groups/").andExpect(jsonPath("$.data[*].group_id", hasItem("dmfi00showroom")));
    }

    @Test
    void renaming_a_group_keeps_its_devices() throws Exception {
        var members = store.read(
                ACME,
                state -> state.devices().stream()
                        .filter(device -> device.groupId().equals("dmfi00showroom"))
                        .map(SimulatedDevice::tuid)
                        .toList());
        post("groups/dmfi00showroom/rename", json("{'group_id':'dmfi00lobby'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.group_id").value("dmfi00lobby"))
                .andExpect(jsonPath("$.data.group_description").value("Demo showroom"));
        get("groups").andExpect(jsonPath("$.data[*].group_id", not(hasItem("dmfi00showroom"))));
        var body = get("groups/dmfi00lobby/things").andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(body, "$.data.tuids"))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void renaming_to_an_invalid_id_is_a_bad_request() throws Exception {
        post("groups/dmfi00showroom/rename", json("{'group_id':'unassigned'}"))
                .andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void renaming_to_an_existing_id_is_a_conflict() throws Exception {
        post("groups", json("{'group_id':'prfi00taken'}"));
        post("groups/dmfi00showroom/rename", json("{'group_id':'prfi00taken'}")).andExpect(errorBody(409, "Conflict"));
    }

    @Test
    void renaming_an_unknown_group_is_not_found() throws Exception {
        post("groups/prfi00ghost/rename", json("{'group_id':'prfi00spirit'}")).andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void deleting_a_group_answers_deleted_and_leaves_its_devices_where_they_are() throws Exception {
        String member = store.read(
                ACME,
                state -> state.devices().stream()
                        .filter(device -> device.groupId().equals("dmfi00showroom"))
                        .findFirst()
                        .orElseThrow()
                        .tuid());
        delete("groups/dmfi00showroom")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.group_id").value("dmfi00showroom"))
                .andExpect(jsonPath("$.data.group_description").value("Demo showroom"))
                .andExpect(jsonPath("$.data.deleted").value(true));
        get("groups").andExpect(jsonPath("$.data[*].group_id", not(hasItem("dmfi00showroom"))));
        get("things/" + member + "/group").andExpect(jsonPath("$.data.group_id").value("dmfi00showroom"));
    }

    @Test
    void deleting_an_unknown_group_is_not_found() throws Exception {
        delete("groups/prfi00ghost").andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void unassigned_lists_the_new_devices_but_is_not_a_group_to_delete() throws Exception {
        get("groups/unassigned/things")
                .andExpect(jsonPath("$.data.group_id").value("unassigned"))
                .andExpect(jsonPath("$.data.tuids", hasItem(newDevice())))
                .andExpect(jsonPath("$.data.tuids.length()").value(35));
        delete("groups/unassigned").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void the_things_of_an_unknown_group_are_not_found() throws Exception {
        get("groups/prfi00ghost/things").andExpect(errorBody(404, "Not Found"));
    }
}
