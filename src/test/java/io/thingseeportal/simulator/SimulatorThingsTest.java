package io.thingseeportal.simulator;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SimulatorThingsTest extends SimulatorHttpTest {

    @Test
    void a_thing_shows_battery_last_seen_location_gateway_and_firmware() throws Exception {
        var device = store.read(
                ACME, state -> state.device(tuidOf(ACME, ProductType.PRESENCE)).orElseThrow());
        get("things/" + device.tuid())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.battery_level").value(device.batteryLevel()))
                .andExpect(jsonPath("$.data.timestamp").value(device.lastSeen().getEpochSecond()))
                .andExpect(jsonPath("$.data.location.lat").value(device.lat()))
                .andExpect(jsonPath("$.data.location.lon").value(device.lon()))
                .andExpect(jsonPath("$.data.gateway_tuid").value(device.gatewayTuid()))
                .andExpect(jsonPath("$.data.version").value(ProductType.PRESENCE.firmware()));
    }

    @Test
    void an_unknown_tuid_is_not_found() throws Exception {
        get("things/TSPR04ZZZ99999999").andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void tuids_are_case_sensitive() throws Exception {
        get("things/" + newDevice().toLowerCase(Locale.ROOT)).andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void setting_an_installation_status_answers_it_with_the_group() throws Exception {
        String tuid = newDevice();
        post("things/" + tuid + "/installations", json("{'installation_status':'installed'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.tuid").value(tuid))
                .andExpect(jsonPath("$.data.installation_status").value("installed"))
                .andExpect(jsonPath("$.data.group_id").value("unassigned"));
    }

    @Test
    void an_unknown_installation_status_is_a_bad_request() throws Exception {
        post("things/" + newDevice() + "/installations", json("{'installation_status':'Installed'}"))
                .andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void a_missing_installation_status_is_a_bad_request() throws Exception {
        post("things/" + newDevice() + "/installations", "{}").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void the_installation_history_is_newest_first_so_limit_1_is_the_current_status() throws Exception {
        String tuid = newDevice();
        clock.advance(Duration.ofMinutes(1));
        post("things/" + tuid + "/installations", json("{'installation_status':'installed'}"));
        clock.advance(Duration.ofMinutes(1));
        post("things/" + tuid + "/installations", json("{'installation_status':'quarantine'}"));
        get("things/" + tuid + "/installations")
                .andExpect(jsonPath("$.data[*].installation_status")
                        .value(org.hamcrest.Matchers.contains("quarantine", "installed", "new")));
        get("things/" + tuid + "/installations?limit=1")
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].installation_status").value("quarantine"));
    }

    @Test
    void installing_an_unknown_tuid_is_not_found() throws Exception {
        post("things/TSPR04ZZZ99999999/installations", json("{'installation_status':'installed'}"))
                .andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void a_device_moves_to_an_existing_group() throws Exception {
        String tuid = newDevice();
        post("things/" + tuid + "/group", json("{'group_id':'dmfi00showroom'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.tuid").value(tuid))
                .andExpect(jsonPath("$.data.group_id").value("dmfi00showroom"));
        get("things/" + tuid + "/group").andExpect(jsonPath("$.data.group_id").value("dmfi00showroom"));
        get("groups/dmfi00showroom/things").andExpect(jsonPath("$.data.tuids", org.hamcrest.Matchers.hasItem(tuid)));
    }

    @Test
    void a_device_leaves_its_group_to_unassigned() throws Exception {
        String tuid = tuidOf(ACME, ProductType.GATEWAY);
        post("things/" + tuid + "/group", json("{'group_id':'unassigned'}")).andExpect(status().isOk());
        get("things/" + tuid + "/group").andExpect(jsonPath("$.data.group_id").value("unassigned"));
    }

    @Test
    void moving_to_an_unknown_group_is_not_found_and_changes_nothing() throws Exception {
        String tuid = newDevice();
        post("things/" + tuid + "/group", json("{'group_id':'prfi00ghost'}")).andExpect(errorBody(404, "Not Found"));
        get("things/" + tuid + "/group").andExpect(jsonPath("$.data.group_id").value("unassigned"));
    }

    @Test
    void the_group_of_an_unknown_tuid_is_not_found() throws Exception {
        get("things/TSPR04ZZZ99999999/group").andExpect(errorBody(404, "Not Found"));
    }
}
