package io.thingseeportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTTP endpoint of the portal that reaches a tenant's data, tried with Acme's client token on Borealis's device,
 * group and settings: one that names Borealis's device or group answers with a 4xx, one that lists answers with Acme's
 * things only, and Borealis's stack and its faults are as before. The list of endpoints
 * is read from the running portal, so that a new endpoint without its attempt here fails this test. (The portal's own
 * pages are Vaadin views, tried in {@code TenantIsolationTest}; the actuator is for operators only,
 * {@code HttpSecurityTest}.)
 */
class EveryEndpointIsolationTest extends SimulatorHttpTest {

    static final String CONTROL = "/simulator/control";

    /** Endpoints that hold no tenant's data: signing in for a token, and the answer to an unknown path. */
    static final List<String> WITHOUT_TENANT_DATA =
            List.of("POST " + BASE + "auth/client-token", "* /simulator/thingsee/v1/**");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String theirs;
    String theirGroup;

    @BeforeEach
    void borealisHasADeviceInAGroup() throws Exception {
        theirs = tuidOf(BOREALIS, ProductType.PRESENCE);
        theirGroup = "dmse00showroom";
        postAs(token(BOREALIS), "things/" + theirs + "/group", json("{'group_id':'" + theirGroup + "'}"));
    }

    /** Each endpoint by method and path pattern, with Acme's attempt on Borealis's things. */
    private Map<String, MockHttpServletRequestBuilder> attempts() {
        Map<String, MockHttpServletRequestBuilder> attempts = new LinkedHashMap<>();
        String v1 = BASE;
        attempts.put("GET " + v1 + "things/{tuid}", tryGet(v1 + "things/" + theirs));
        attempts.put("GET " + v1 + "things/{tuid}/installations", tryGet(v1 + "things/" + theirs + "/installations"));
        attempts.put(
                "POST " + v1 + "things/{tuid}/installations",
                tryPost(v1 + "things/" + theirs + "/installations", "{'installation_status':'retired'}"));
        attempts.put("GET " + v1 + "things/{tuid}/group", tryGet(v1 + "things/" + theirs + "/group"));
        attempts.put(
                "POST " + v1 + "things/{tuid}/group",
                tryPost(v1 + "things/" + theirs + "/group", "{'group_id':'prfi00acmeonly'}"));
        attempts.put("GET " + v1 + "things/{tuid}/commands", tryGet(v1 + "things/" + theirs + "/commands"));
        attempts.put(
                "POST " + v1 + "things/{tuid}/commands",
                tryPost(v1 + "things/" + theirs + "/commands", "{'tsmId':1500,'tsmEv':30,'measurementInterval':60}"));
        attempts.put("GET " + v1 + "things/{tuid}/messages", tryGet(v1 + "things/" + theirs + "/messages?limit=5"));
        attempts.put("GET " + v1 + "things/{tuid}/alerts", tryGet(v1 + "things/" + theirs + "/alerts"));
        attempts.put("GET " + v1 + "things/alerts", tryGet(v1 + "things/alerts?tuids=" + theirs));
        attempts.put("GET " + v1 + "things/alerts/count", tryGet(v1 + "things/alerts/count?tuids=" + theirs));
        attempts.put("GET " + v1 + "groups", tryGet(v1 + "groups"));
        attempts.put("GET " + v1 + "groups/", tryGet(v1 + "groups/"));
        // A group id is the stack's own: Acme creating one of the same name makes its own (Borealis's stays as it was).
        attempts.put("POST " + v1 + "groups", tryPost(v1 + "groups", "{'group_id':'prfi00acmeone'}"));
        attempts.put("POST " + v1 + "groups/", tryPost(v1 + "groups/", "{'group_id':'prfi00acmetwo'}"));
        attempts.put(
                "POST " + v1 + "groups/{groupId}/rename",
                tryPost(v1 + "groups/" + theirGroup + "/rename", "{'group_id':'dmse00renamed'}"));
        attempts.put("DELETE " + v1 + "groups/{groupId}", tryDelete(v1 + "groups/" + theirGroup));
        attempts.put("GET " + v1 + "groups/{groupId}/things", tryGet(v1 + "groups/" + theirGroup + "/things"));
        attempts.put(
                "PUT " + CONTROL + "/devices/{stack}/{tuid}/battery",
                tryPut(CONTROL + "/devices/" + BOREALIS + "/" + theirs + "/battery", "{'level':1}"));
        attempts.put("GET " + CONTROL + "/faults", tryGet(CONTROL + "/faults"));
        attempts.put("PUT " + CONTROL + "/faults", tryPut(CONTROL + "/faults", "{'apiLatencyMillis':1}"));
        attempts.put("DELETE " + CONTROL + "/faults", tryDelete(CONTROL + "/faults"));
        attempts.put("GET " + CONTROL + "/faults/devices/{tuid}", tryGet(CONTROL + "/faults/devices/" + theirs));
        attempts.put(
                "PUT " + CONTROL + "/faults/devices/{tuid}",
                tryPut(CONTROL + "/faults/devices/" + theirs, "{'offline':true}"));
        attempts.put("DELETE " + CONTROL + "/faults/devices/{tuid}", tryDelete(CONTROL + "/faults/devices/" + theirs));
        return attempts;
    }

    @Test
    void every_endpoint_that_reaches_a_tenants_data_is_tried_here() {
        var endpoints = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            List<String> methods = info.getMethodsCondition().getMethods().stream()
                    .map(Enum::name)
                    .toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? List.of("*") : methods) {
                    endpoints.add(method + " " + pattern);
                }
            }
        });
        endpoints.removeIf(endpoint -> !endpoint.contains("/simulator/"));
        WITHOUT_TENANT_DATA.forEach(endpoints::remove);

        assertThat(endpoints)
                .as("endpoints of the running portal, each with its cross-tenant attempt in attempts()")
                .containsExactlyInAnyOrderElementsOf(attempts().keySet());
    }

    @Test
    void acmes_token_neither_reads_nor_changes_borealiss_things_at_any_endpoint() throws Exception {
        String before = borealis();
        List<String> leaks = new ArrayList<>();

        for (Map.Entry<String, MockHttpServletRequestBuilder> attempt :
                attempts().entrySet()) {
            MvcResult result = mvc.perform(attempt.getValue()).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString();
            String path = result.getRequest().getRequestURI();
            boolean refused = status >= 400 && status < 500;
            boolean namesTheirs = path.contains(theirs) || path.contains(theirGroup);
            boolean ownOnly = !namesTheirs && status < 300 && !body.contains(theirs) && !body.contains(theirGroup);
            if (!refused && !ownOnly) {
                leaks.add(attempt.getKey() + " answered " + status + ": " + body);
            }
        }

        assertThat(leaks).as("answers that showed or changed Borealis's things").isEmpty();
        assertThat(borealis()).as("Borealis's stack and faults").isEqualTo(before);
    }

    private String borealis() {
        return store.read(
                        BOREALIS,
                        state -> state.devices() + " " + state.groups() + " " + state.installations(theirs) + " "
                                + state.commands(theirs))
                + " " + simulatorFaults.of(BOREALIS).global() + " "
                + simulatorFaults.of(BOREALIS).devices();
    }

    private MockHttpServletRequestBuilder tryGet(String path) {
        return withToken(MockMvcRequestBuilders.get(path));
    }

    private MockHttpServletRequestBuilder tryDelete(String path) {
        return withToken(MockMvcRequestBuilders.delete(path));
    }

    private MockHttpServletRequestBuilder tryPost(String path, String body) {
        return withToken(MockMvcRequestBuilders.post(path))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(body));
    }

    private MockHttpServletRequestBuilder tryPut(String path, String body) {
        return withToken(MockMvcRequestBuilders.put(path))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(body));
    }

    private MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
