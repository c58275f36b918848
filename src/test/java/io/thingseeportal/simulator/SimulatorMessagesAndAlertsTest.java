package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorMessagesAndAlertsTest extends SimulatorHttpTest {

    @Test
    void messages_need_a_limit() throws Exception {
        get("things/" + newDevice() + "/messages").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void messages_are_thingsee_messages_newest_first() throws Exception {
        String tuid = tuidOf(ACME, ProductType.ENVIRONMENT);
        var timestamps = this.<Integer>read("things/" + tuid + "/messages?limit=50", "$.data[*].tsmTs");
        assertThat(timestamps).hasSize(6).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        get("things/" + tuid + "/messages?limit=2")
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.data[0].tsmTuid").value(tuid))
                .andExpect(jsonPath("$.data[0].tsmEv").value(10))
                .andExpect(jsonPath("$.data[0].tsmGw").isString())
                .andExpect(jsonPath("$.data[0].deploymentGroupId").value("unassigned"));
    }

    @Test
    void messages_are_filtered_by_message_id() throws Exception {
        String tuid = tuidOf(ACME, ProductType.AIR);
        get("things/" + tuid + "/messages?limit=50&messageid=1110")
                .andExpect(jsonPath("$.data.length()").value(3))
                .andExpect(jsonPath("$.data[*].tsmId", everyItem(is(1110))))
                .andExpect(jsonPath("$.data[0].batl").isNumber());
        get("things/" + tuid + "/messages?limit=50&messageid=1110,24100")
                .andExpect(jsonPath("$.data.length()").value(6))
                .andExpect(jsonPath("$.data[*].carbonDioxide").isNotEmpty());
    }

    @Test
    void messages_are_filtered_by_event_id() throws Exception {
        String tuid = tuidOf(ACME, ProductType.AIR);
        get("things/" + tuid + "/messages?limit=50&eventid=10")
                .andExpect(jsonPath("$.data.length()").value(9));
        get("things/" + tuid + "/messages?limit=50&eventid=31")
                .andExpect(jsonPath("$.data.length()").value(0));
    }

    @Test
    void messages_are_filtered_by_time() throws Exception {
        String tuid = tuidOf(ACME, ProductType.COUNT);
        var timestamps = this.<Integer>read("things/" + tuid + "/messages?limit=50&messageid=13103", "$.data[*].tsmTs");
        int newest = timestamps.get(0);
        int oldest = timestamps.get(2);
        get("things/" + tuid + "/messages?limit=50&from=" + newest)
                .andExpect(jsonPath("$.data.length()").value(2));
        get("things/" + tuid + "/messages?limit=50&to=" + oldest)
                .andExpect(jsonPath("$.data.length()").value(2));
        get("things/" + tuid + "/messages?limit=50&from=" + (oldest + 1) + "&to=" + (newest - 1))
                .andExpect(jsonPath("$.data.length()").value(2));
    }

    @Test
    void a_malformed_filter_is_a_bad_request() throws Exception {
        get("things/" + newDevice() + "/messages?limit=5&messageid=1110,x").andExpect(errorBody(400, "Bad Request"));
        get("things/" + newDevice() + "/messages?limit=five").andExpect(errorBody(400, "Bad Request"));
        get("things/" + newDevice() + "/messages?limit=5&from=yesterday").andExpect(errorBody(400, "Bad Request"));
    }

    @Test
    void the_messages_of_an_unknown_tuid_are_not_found() throws Exception {
        get("things/TSPR04ZZZ99999999/messages?limit=5").andExpect(errorBody(404, "Not Found"));
    }

    @Test
    void the_alerting_devices_include_the_one_with_a_low_battery() throws Exception {
        get("things/alerts")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.alerting_tuids", hasItem(weakDevice())));
    }

    @Test
    void the_alert_count_is_a_string_matching_the_alerting_devices() throws Exception {
        var alerting = this.<String>read("things/alerts", "$.data.alerting_tuids");
        get("things/alerts/count").andExpect(jsonPath("$.data.alert_count").value(Integer.toString(alerting.size())));
        String raw = get("things/alerts/count").andReturn().getResponse().getContentAsString();
        assertThat(raw).contains("\"alert_count\":\"" + alerting.size() + "\"");
    }

    @Test
    void a_device_lists_its_alerts_by_type() throws Exception {
        get("things/" + weakDevice() + "/alerts")
                .andExpect(jsonPath("$.data[0].tuid").value(weakDevice()))
                .andExpect(jsonPath("$.data[0].alert_type").value("battery low"))
                .andExpect(jsonPath("$.data[0].alerts[0].from").value("2025-06-02T03:00:00"));
    }

    @Test
    void a_gateway_alert_outside_the_asked_period_is_left_out() throws Exception {
        String gateway = tuidOf(ACME, ProductType.GATEWAY);
        get("things/" + gateway + "/alerts")
                .andExpect(jsonPath("$.data[0].alert_type").value("gateway connection lost"))
                .andExpect(jsonPath("$.data[0].alerts[0].from").value("2025-06-01T06:00:00"))
                .andExpect(jsonPath("$.data[0].alerts[0].to").value("2025-06-01T06:10:00"));
        get("things/" + gateway + "/alerts?from=" + START.minusSeconds(3600).getEpochSecond())
                .andExpect(jsonPath("$.data.length()").value(0));
    }

    private String weakDevice() {
        return store.read(
                ACME,
                state -> state.devices().stream()
                        .filter(device -> device.batteryLevel() < 10)
                        .findFirst()
                        .orElseThrow()
                        .tuid());
    }

    private <T> List<T> read(String path, String jsonPath) throws Exception {
        return JsonPath.read(get(path).andReturn().getResponse().getContentAsString(), jsonPath);
    }
}
