package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The group list's read side: pages, sorts, search and counts, all in SQL and all within the user's tenant. */
class GroupListTest extends MockedThingseeTest {

    static final Instant MONDAY = Instant.parse("2026-11-02T08:00:00Z");

    @Autowired
    GroupService groups;

    long tenantId;

    @BeforeEach
    void aTenantWithFourGroups() {
        tenantId = TestData.tenant(jdbc, "Acme");
        GroupRows.group(jdbc, tenantId, "prfi00office", "Head office", MONDAY.plusSeconds(3600));
        GroupRows.group(jdbc, tenantId, "rdse00lab", "Test lab in Lund", MONDAY.plusSeconds(60));
        GroupRows.group(jdbc, tenantId, "dmxx00fair", null, MONDAY.plusSeconds(7200));
        GroupRows.group(jdbc, tenantId, "prde00berlin", "Berlin_Office 100%", MONDAY);
        GroupRows.devices(jdbc, tenantId, "rdse00lab", "TSPR04LAB", 3);
        GroupRows.devices(jdbc, tenantId, "prfi00office", "TSPR04OFF", 2);
        GroupRows.devices(jdbc, tenantId, null, "TSPR04FREE", 4);
        signIn("Veera", tenantId, AppRoles.VIEWER);
    }

    @Test
    void by_default_the_most_recently_active_groups_come_first() {
        assertThat(ids(groups.list("", GroupListSort.DEFAULT, 0, 10)))
                .containsExactly("dmxx00fair", "prfi00office", "rdse00lab", "prde00berlin");
    }

    @Test
    void each_row_has_its_device_count_environment_country_and_last_activity() {
        GroupListItem office = groups.list("office", sort(GroupListSort.Column.ID, true), 0, 10).stream()
                .filter(item -> item.id().value().equals("prfi00office"))
                .findFirst()
                .orElseThrow();

        assertThat(office.description()).isEqualTo("Head office");
        assertThat(office.deviceCount()).isEqualTo(2);
        assertThat(office.environment()).isEqualTo(GroupEnvironment.PRODUCTION);
        assertThat(office.country()).isEqualTo("fi");
        assertThat(office.lastActivityAt()).isEqualTo(MONDAY.plusSeconds(3600));
    }

    @Test
    void a_page_is_a_window_of_the_sorted_list() {
        var byId = sort(GroupListSort.Column.ID, true);

        assertThat(ids(groups.list("", byId, 0, 2))).containsExactly("dmxx00fair", "prde00berlin");
        assertThat(ids(groups.list("", byId, 2, 2))).containsExactly("prfi00office", "rdse00lab");
        assertThat(ids(groups.list("", byId, 4, 2))).isEmpty();
    }

    @Test
    void every_column_sorts_both_ways() {
        assertThat(ids(groups.list("", sort(GroupListSort.Column.ID, false), 0, 10)))
                .containsExactly("rdse00lab", "prfi00office", "prde00berlin", "dmxx00fair");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.DESCRIPTION, true), 0, 10)))
                .containsExactly("prde00berlin", "prfi00office", "rdse00lab", "dmxx00fair");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.DESCRIPTION, false), 0, 10)))
                .containsExactly("rdse00lab", "prfi00office", "prde00berlin", "dmxx00fair");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.ENVIRONMENT, true), 0, 10)))
                .containsExactly("dmxx00fair", "prde00berlin", "prfi00office", "rdse00lab");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.ENVIRONMENT, false), 0, 10)))
                .containsExactly("rdse00lab", "prde00berlin", "prfi00office", "dmxx00fair");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.COUNTRY, true), 0, 10)))
                .containsExactly("prde00berlin", "prfi00office", "rdse00lab", "dmxx00fair");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.COUNTRY, false), 0, 10)))
                .containsExactly("dmxx00fair", "rdse00lab", "prfi00office", "prde00berlin");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.DEVICE_COUNT, true), 0, 10)))
                .containsExactly("dmxx00fair", "prde00berlin", "prfi00office", "rdse00lab");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.DEVICE_COUNT, false), 0, 10)))
                .containsExactly("rdse00lab", "prfi00office", "dmxx00fair", "prde00berlin");
        assertThat(ids(groups.list("", sort(GroupListSort.Column.LAST_ACTIVITY, true), 0, 10)))
                .containsExactly("prde00berlin", "rdse00lab", "prfi00office", "dmxx00fair");
    }

    @Test
    void the_search_matches_the_id_or_the_description_ignoring_case() {
        var byId = sort(GroupListSort.Column.ID, true);

        assertThat(ids(groups.list("OFFICE", byId, 0, 10))).containsExactly("prde00berlin", "prfi00office");
        assertThat(ids(groups.list("  lund ", byId, 0, 10))).containsExactly("rdse00lab");
        assertThat(ids(groups.list("dmxx", byId, 0, 10))).containsExactly("dmxx00fair");
        assertThat(groups.count("OFFICE")).isEqualTo(2);
        assertThat(groups.count("nothing like it")).isZero();
    }

    @Test
    void percent_and_underscore_in_the_search_are_plain_characters() {
        var byId = sort(GroupListSort.Column.ID, true);

        assertThat(ids(groups.list("100%", byId, 0, 10))).containsExactly("prde00berlin");
        assertThat(ids(groups.list("n_o", byId, 0, 10))).containsExactly("prde00berlin");
        assertThat(groups.count("%")).isEqualTo(1);
        assertThat(groups.count("_")).isEqualTo(1);
    }

    @Test
    void the_count_without_search_is_every_group_of_the_tenant() {
        assertThat(groups.count("")).isEqualTo(4);
        assertThat(groups.count("   ")).isEqualTo(4);
    }

    @Test
    void another_tenant_never_sees_these_groups_in_its_list_count_or_search() {
        long other = TestData.tenant(jdbc, "Borealis");
        GroupRows.group(jdbc, other, "prse00store", "Office store", MONDAY);
        // The other tenant's devices carry the same group id as ours: they must not count for us either.
        GroupRows.devices(jdbc, other, "prfi00office", "TSPR04OTHER", 5);

        assertThat(groups.list("", GroupListSort.DEFAULT, 0, 10))
                .extracting(item -> item.id().value())
                .doesNotContain("prse00store");
        assertThat(groups.list("office", sort(GroupListSort.Column.ID, true), 0, 10))
                .extracting(GroupListItem::deviceCount)
                .containsExactly(0L, 2L);

        signIn("Britt", other, AppRoles.ADMIN);
        assertThat(ids(groups.list("", GroupListSort.DEFAULT, 0, 10))).containsExactly("prse00store");
        assertThat(groups.count("")).isEqualTo(1);
        assertThat(groups.count("head office")).isZero();
        assertThat(groups.list("office", GroupListSort.DEFAULT, 0, 10))
                .singleElement()
                .satisfies(item -> assertThat(item.deviceCount()).isZero());
    }

    @Test
    void installers_may_read_the_list_and_the_operator_without_a_tenant_may_not() {
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
        assertThat(groups.count("")).isEqualTo(4);

        signIn("Otto", null, AppRoles.OPERATOR);
        assertThatThrownBy(() -> groups.list("", GroupListSort.DEFAULT, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static GroupListSort sort(GroupListSort.Column column, boolean ascending) {
        return new GroupListSort(column, ascending);
    }

    private static List<String> ids(List<GroupListItem> items) {
        return items.stream().map(item -> item.id().value()).toList();
    }
}
