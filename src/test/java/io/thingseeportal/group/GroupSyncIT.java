package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingseeportal.TestPostgres;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The sync end to end on PostgreSQL: groups and memberships made directly in the built-in Thingsee simulator, through
 * its HTTP API with the tenant's credentials, reach the portal through the live client over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GroupSyncIT {

    static final String DATABASE = TestPostgres.freshDatabase("portal_group_sync_it");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    GroupSyncService sync;

    @Autowired
    GroupService groups;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    JdbcClient jdbc;

    long tenantId;
    WebClient simulator;

    /** The demo tenant whose stack the test profile points at the simulator. */
    @BeforeEach
    void theAcmeTenantAndItsStack() {
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme Facilities', ?)"
                        + " ON CONFLICT DO NOTHING")
                .param(Timestamp.from(Instant.now()))
                .update();
        tenantId = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
        String base = "http://127.0.0.1:" + port + "/simulator/thingsee/v1/";
        String token = WebClient.create(base)
                .post()
                .uri("auth/client-token")
                .bodyValue(Map.of("client_id", "acme-demo-client", "client_secret", "acme-demo-secret"))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .block()
                .path("data")
                .path("token")
                .asText();
        simulator = WebClient.builder()
                .baseUrl(base)
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
    }

    @Test
    void groups_and_memberships_made_in_thingsee_appear_in_the_portal_and_later_differences_are_shown() {
        String office = "prfi00office" + RUN;
        String lab = "rdxx00lab" + RUN;
        List<String> free = unassignedDevices();
        createGroup(office, "Head office " + RUN);
        createGroup(lab, null);
        assign(free.get(0), office);
        assign(free.get(1), office);
        assign(free.get(2), lab);

        sync.syncAllTenants();

        List<GroupListItem> found =
                asViewer(() -> groups.list(RUN, new GroupListSort(GroupListSort.Column.DEVICE_COUNT, false), 0, 10));
        assertThat(found)
                .extracting(item -> item.id().value(), GroupListItem::description, GroupListItem::deviceCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(office, "Head office " + RUN, 2L),
                        org.assertj.core.groups.Tuple.tuple(lab, null, 1L));
        assertThat(asViewer(() -> groups.changes(GroupId.parse(office))))
                .extracting(GroupChange::kind, GroupChange::changedBy)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(GroupChange.Kind.IMPORTED, GroupSyncService.SCHEDULED_SYNC),
                        org.assertj.core.groups.Tuple.tuple(
                                GroupChange.Kind.DEVICES_IMPORTED, GroupSyncService.SCHEDULED_SYNC));

        assign(free.get(1), lab);
        GroupSyncSummary summary = asAdmin(() -> sync.syncNow(ignored -> {}).join());

        assertThat(summary.groupsImported()).isZero();
        assertThat(asViewer(() -> sync.differences(0, 100))).anySatisfy(difference -> {
            assertThat(difference.kind()).isEqualTo(GroupSyncDifference.Kind.DEVICE_IN_OTHER_GROUP);
            assertThat(difference.subject()).isEqualTo(free.get(1));
            assertThat(difference.portalGroupId()).isEqualTo(office);
            assertThat(difference.thingseeGroupId()).isEqualTo(lab);
        });
        assertThat(jdbc.sql("SELECT group_id FROM device WHERE tenant_id = ? AND tuid = ?")
                        .params(tenantId, free.get(1))
                        .query(String.class)
                        .single())
                .isEqualTo(office);

        assign(free.get(1), office);
        asAdmin(() -> sync.syncNow(ignored -> {}).join());

        assertThat(asViewer(() -> sync.differences(0, 100)))
                .noneSatisfy(difference -> assertThat(difference.subject()).isEqualTo(free.get(1)));
    }

    @Test
    void every_sort_and_the_search_run_on_postgresql() {
        jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, description, created_at, last_activity_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(
                        tenantId,
                        "dmse00pg" + RUN,
                        "100%_literal " + RUN,
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()))
                .update();
        for (GroupListSort.Column column : GroupListSort.Column.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                assertThat(asViewer(() -> groups.list("", new GroupListSort(column, ascending), 0, 50)))
                        .as("sorted by %s", column)
                        .isNotEmpty();
            }
        }
        assertThat(asViewer(() -> groups.list("0%_LITERAL " + RUN, GroupListSort.DEFAULT, 0, 10)))
                .singleElement()
                .satisfies(item -> assertThat(item.id().value()).isEqualTo("dmse00pg" + RUN));
        assertThat(asViewer(() -> groups.count("%"))).isEqualTo(1);
    }

    private List<String> unassignedDevices() {
        JsonNode tuids = simulator
                .get()
                .uri("groups/unassigned/things")
                .retrieve()
                .bodyToMono(JsonNode.class)
                .block()
                .path("data")
                .path("tuids");
        List<String> free = new ArrayList<>();
        tuids.forEach(tuid -> free.add(tuid.asText()));
        assertThat(free).as("devices in no group in the simulator").hasSizeGreaterThanOrEqualTo(3);
        return free;
    }

    private void createGroup(String groupId, String description) {
        var body = new java.util.HashMap<String, String>();
        body.put("group_id", groupId);
        if (description != null) {
            body.put("group_description", description);
        }
        simulator
                .post()
                .uri("groups")
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .block();
    }

    private void assign(String tuid, String groupId) {
        simulator
                .post()
                .uri("things/{tuid}/group", tuid)
                .bodyValue(Map.of("group_id", groupId))
                .retrieve()
                .toBodilessEntity()
                .block();
    }

    private <T> T asViewer(Supplier<T> work) {
        return currentUser.runAs(user("Veera", AppRoles.VIEWER), work);
    }

    private <T> T asAdmin(Supplier<T> work) {
        return currentUser.runAs(user("Aino", AppRoles.ADMIN), work);
    }

    private PortalUser user(String name, String role) {
        return new PortalUser(name, name, Set.of(role), tenantId, "acme", "Acme Facilities");
    }
}
