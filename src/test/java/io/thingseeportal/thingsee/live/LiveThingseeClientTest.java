package io.thingseeportal.thingsee.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.MessageQuery;
import io.thingseeportal.thingsee.ThingseeGroup;
import io.thingseeportal.thingsee.ThingseeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every endpoint, on the wire, with the JSON examples of REFERENCE section 2. */
class LiveThingseeClientTest {

    final ThingseeApiServer server = new ThingseeApiServer();
    final ClientFixture fixture = new ClientFixture(server);

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void the_first_call_signs_in_with_the_client_credentials_and_sends_the_token_as_bearer() {
        server.answer(200, "{\"data\":[]}");

        fixture.client.listGroups(fixture.stack);

        RecordedRequest signIn = server.tokenRequests().get(0);
        assertThat(signIn.getMethod()).isEqualTo("POST");
        assertThat(signIn.getPath()).isEqualTo("/prod/v1/auth/client-token");
        assertThat(signIn.getBody().readUtf8())
                .contains("\"client_id\":\"acme-client\"", "\"client_secret\":\"s3cr3t-never-logged\"");
        assertThat(signIn.getHeader("Authorization")).isNull();
        assertThat(server.lastApiRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
        assertThat(server.lastApiRequest().getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void groups_are_listed() {
        server.answer(200, """
                {"data":[{"group_id":"prfi00northernfinland","group_description":"Sensors in Northern Finland"},
                         {"group_id":"rdxx00testlab"}]}""");

        List<ThingseeGroup> groups = fixture.client.listGroups(fixture.stack);

        assertThat(groups)
                .containsExactly(
                        new ThingseeGroup("prfi00northernfinland", "Sensors in Northern Finland"),
                        new ThingseeGroup("rdxx00testlab", null));
        assertThat(server.lastApiRequest().getPath()).isEqualTo("/prod/v1/groups");
    }

    @Test
    void a_group_is_created_with_its_full_id_and_description() {
        server.answer(
                200,
                "{\"data\":{\"group_id\":\"prfi00northernfinland\","
                        + "\"group_description\":\"Sensors in Northern Finland\"}}");

        ThingseeGroup created =
                fixture.client.createGroup(fixture.stack, "prfi00northernfinland", "Sensors in Northern Finland");

        RecordedRequest request = server.lastApiRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/prod/v1/groups");
        assertThat(request.getBody().readUtf8())
                .isEqualTo("{\"group_id\":\"prfi00northernfinland\","
                        + "\"group_description\":\"Sensors in Northern Finland\"}");
        assertThat(created.groupId()).isEqualTo("prfi00northernfinland");
    }

    @Test
    void a_group_is_renamed_and_deleted() {
        server.answer(200, "{\"data\":{\"group_id\":\"prfi00lapland\"}}");
        server.answer(200, "{\"data\":{\"group_id\":\"prfi00lapland\",\"deleted\":true}}");

        assertThat(fixture.client
                        .renameGroup(fixture.stack, "prfi00northernfinland", "prfi00lapland")
                        .groupId())
                .isEqualTo("prfi00lapland");
        fixture.client.deleteGroup(fixture.stack, "prfi00lapland");

        List<RecordedRequest> requests = server.apiRequests();
        assertThat(requests.get(0).getPath()).isEqualTo("/prod/v1/groups/prfi00northernfinland/rename");
        assertThat(requests.get(0).getBody().readUtf8()).isEqualTo("{\"group_id\":\"prfi00lapland\"}");
        assertThat(requests.get(1).getMethod()).isEqualTo("DELETE");
        assertThat(requests.get(1).getPath()).isEqualTo("/prod/v1/groups/prfi00lapland");
    }

    @Test
    void a_groups_devices_are_listed() {
        server.answer(
                200,
                "{\"data\":{\"group_id\":\"prfi00office\",\"tuids\":[\"TSPR04EZU31901021\","
                        + "\"TSPD04ESY93100802\"]}}");

        assertThat(fixture.client.listGroupDevices(fixture.stack, "prfi00office"))
                .containsExactly("TSPR04EZU31901021", "TSPD04ESY93100802");
        assertThat(server.lastApiRequest().getPath()).isEqualTo("/prod/v1/groups/prfi00office/things");
    }

    @Test
    void a_device_reports_battery_last_seen_location_gateway_and_firmware() {
        server.answer(200, """
                {"data":{"battery_level":86,"timestamp":1586952604,"location":{"lat":65.01,"lon":25.52},
                 "gateway_tuid":"XXXX00X1O73360355","version":"2019.11.15.2_ts_pod3wp34"}}""");

        DeviceInfo device = fixture.client.getDevice(fixture.stack, "TSPR04EZU31901021");

        assertThat(device)
                .isEqualTo(new DeviceInfo(
                        "TSPR04EZU31901021",
                        86,
                        Instant.ofEpochSecond(1586952604),
                        new DeviceInfo.Location(65.01, 25.52),
                        "XXXX00X1O73360355",
                        "2019.11.15.2_ts_pod3wp34"));
        assertThat(server.lastApiRequest().getPath()).isEqualTo("/prod/v1/things/TSPR04EZU31901021");
    }

    @Test
    void the_installation_status_is_the_newest_history_entry() {
        server.answer(
                200,
                "{\"data\":[{\"tuid\":\"TSPR04EZU31901021\",\"installation_status\":\"installed\","
                        + "\"group_id\":\"prfi00office\"}]}");

        assertThat(fixture.client.getInstallationStatus(fixture.stack, "TSPR04EZU31901021"))
                .contains(new InstallationRecord("TSPR04EZU31901021", InstallationStatus.INSTALLED, "prfi00office"));
        assertThat(server.lastApiRequest().getPath())
                .isEqualTo("/prod/v1/things/TSPR04EZU31901021/installations?limit=1");
    }

    @Test
    void a_device_without_history_has_no_installation_status() {
        server.answer(200, "{\"data\":[]}");

        assertThat(fixture.client.getInstallationStatus(fixture.stack, "TSPR04EZU31901021"))
                .isEmpty();
    }

    @Test
    void setting_a_device_installed_sends_the_lower_case_status() {
        server.answer(200, "{\"data\":{\"tuid\":\"TSPR04EZU31901021\",\"installation_status\":\"installed\"}}");

        InstallationRecord record =
                fixture.client.setInstallationStatus(fixture.stack, "TSPR04EZU31901021", InstallationStatus.INSTALLED);

        assertThat(server.lastApiRequest().getBody().readUtf8()).isEqualTo("{\"installation_status\":\"installed\"}");
        assertThat(record.status()).isEqualTo(InstallationStatus.INSTALLED);
    }

    @Test
    void a_device_group_is_read_and_assigned() {
        server.answer(200, "{\"data\":{\"group_id\":\"unassigned\",\"tuid\":\"TSPR04EZU31901021\"}}");
        server.answer(200, "{\"data\":{\"group_id\":\"prfi00office\",\"tuid\":\"TSPR04EZU31901021\"}}");

        assertThat(fixture.client.getDeviceGroup(fixture.stack, "TSPR04EZU31901021"))
                .isEqualTo(new GroupAssignment("TSPR04EZU31901021", GroupAssignment.UNASSIGNED));
        assertThat(fixture.client.setDeviceGroup(fixture.stack, "TSPR04EZU31901021", "prfi00office"))
                .isEqualTo(new GroupAssignment("TSPR04EZU31901021", "prfi00office"));
        assertThat(server.lastApiRequest().getPath()).isEqualTo("/prod/v1/things/TSPR04EZU31901021/group");
        assertThat(server.lastApiRequest().getBody().readUtf8()).isEqualTo("{\"group_id\":\"prfi00office\"}");
    }

    @Test
    void commands_are_sent_as_an_array_and_the_receipt_lists_what_was_queued() {
        server.answer(200, """
                {"data":{"responsible":"api-user","commands":[{"tsmEv":30,"tsmId":1500,"tsmTs":1557302186,
                 "tsmDstTuid":"TSPR04EZU31901021","measurementInterval":60,"reportInterval":300,"transactionId":99999}]}}""");

        var receipt = fixture.client.sendCommands(fixture.stack, "TSPR04EZU31901021", List.of(interval(99999)));

        assertThat(server.lastApiRequest().getPath()).isEqualTo("/prod/v1/things/TSPR04EZU31901021/commands");
        assertThat(server.lastApiRequest().getBody().readUtf8())
                .startsWith("[{")
                .contains("\"tsmId\":1500", "\"tsmEv\":30", "\"transactionId\":99999", "\"reportInterval\":300");
        assertThat(receipt.responsible()).isEqualTo("api-user");
        assertThat(receipt.commands().get(0).transactionId()).isEqualTo(99999L);
        assertThat(receipt.commands().get(0).field("tsmDstTuid")).contains("TSPR04EZU31901021");
    }

    @Test
    void a_command_without_a_transaction_id_is_refused_before_sending() {
        var command = new ThingseeMessage(Map.of("tsmId", 1500, "tsmEv", 30, "reportInterval", 300));

        assertThatThrownBy(() -> fixture.client.sendCommands(fixture.stack, "TSPR04EZU31901021", List.of(command)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transactionId");
        assertThat(server.apiRequests()).isEmpty();
    }

    @Test
    void messages_are_read_with_the_query_filters() {
        server.answer(200, """
                {"data":[{"tsmId":1110,"tsmEv":10,"tsmTs":1559638241,"tsmTuid":"TSPR04EZU31901021",
                          "tsmGw":"XXXXGATEWAYTUID","deploymentGroupId":"prfi00office","batl":74}]}""");

        var query = new MessageQuery(50, List.of(1110, 13100), List.of(10), Instant.ofEpochSecond(1559600000), null);
        List<ThingseeMessage> messages = fixture.client.getMessages(fixture.stack, "TSPR04EZU31901021", query);

        assertThat(server.lastApiRequest().getRequestUrl().queryParameter("limit"))
                .isEqualTo("50");
        assertThat(server.lastApiRequest().getRequestUrl().queryParameter("messageid"))
                .isEqualTo("1110,13100");
        assertThat(server.lastApiRequest().getRequestUrl().queryParameter("eventid"))
                .isEqualTo("10");
        assertThat(server.lastApiRequest().getRequestUrl().queryParameter("from"))
                .isEqualTo("1559600000");
        assertThat(server.lastApiRequest().getRequestUrl().queryParameter("to")).isNull();
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.tsmId()).isEqualTo(1110);
            assertThat(message.deploymentGroupId()).isEqualTo("prfi00office");
            assertThat(message.field("batl")).contains(74);
        });
    }

    @Test
    void path_variables_are_encoded() {
        server.answer(200, "{\"data\":{\"group_id\":\"x\",\"tuids\":[]}}");

        fixture.client.listGroupDevices(fixture.stack, "bad id/../x");

        assertThat(server.lastApiRequest().getPath()).isEqualTo("/prod/v1/groups/bad%20id%2F..%2Fx/things");
    }

    private static ThingseeMessage interval(long transactionId) {
        return new ThingseeMessage(Map.of(
                "tsmId", 1500,
                "tsmEv", 30,
                "transactionId", transactionId,
                "measurementInterval", 60,
                "reportInterval", 300));
    }
}
