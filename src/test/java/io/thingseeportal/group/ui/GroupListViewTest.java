package io.thingseeportal.group.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.RouteConfiguration;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.group.GroupRows;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group list as admins and viewers see it; Thingsee is a mock. */
class GroupListViewTest extends MockedThingseeTest {

    static final Instant MONDAY = Instant.parse("2026-11-02T08:00:00Z");

    long tenantId;

    @BeforeEach
    void aTenantWithAStack() {
        tenantId = TestData.tenant(jdbc, "Acme");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
    }

    @Test
    void each_row_shows_id_description_environment_country_devices_and_last_activity() {
        GroupRows.group(jdbc, tenantId, "prfi00office", "Head office", MONDAY);
        GroupRows.devices(jdbc, tenantId, "prfi00office", "TSPR04OFF", 1234);
        openAs(AppRoles.VIEWER);

        List<String> row = GridKt._getFormattedRow(groupGrid(), 0);

        assertThat(row.subList(0, 5)).containsExactly("prfi00office", "Head office", "Production", "Finland", "1,234");
        assertThat(row.get(5)).contains("2026");
    }

    @Test
    void a_group_for_no_specific_country_says_so() {
        GroupRows.group(jdbc, tenantId, "dmxx00fair", null, MONDAY);
        openAs(AppRoles.VIEWER);

        assertThat(GridKt._getFormatted(groupGrid(), 0, "country")).isEqualTo("No specific country");
        assertThat(GridKt._getFormatted(groupGrid(), 0, "environment")).isEqualTo("Demo");
    }

    @Test
    void in_finnish_the_headers_environment_and_country_read_in_finnish() {
        GroupRows.group(jdbc, tenantId, "prfi00office", null, MONDAY.plusSeconds(60));
        GroupRows.group(jdbc, tenantId, "rdxx00lab", null, MONDAY);
        signIn("Aino", tenantId, AppRoles.VIEWER);
        UI.getCurrent().setLocale(Locale.forLanguageTag("fi"));
        UI.getCurrent().navigate("groups");

        assertThat(GridKt._getFormattedRow(groupGrid(), 0).subList(2, 4)).containsExactly("Tuotanto", "Suomi");
        assertThat(GridKt._getFormattedRow(groupGrid(), 1).subList(2, 4))
                .containsExactly("Kehitys", "Ei tiettyä maata");
        assertThat(GridKt._getColumnByKey(groupGrid(), "country").getHeaderText())
                .isEqualTo("Maa");
    }

    @Test
    void the_most_recently_active_group_comes_first_and_a_header_click_sorts_by_devices() {
        GroupRows.group(jdbc, tenantId, "prfi00office", null, MONDAY.plusSeconds(60));
        GroupRows.group(jdbc, tenantId, "rdse00lab", null, MONDAY);
        GroupRows.devices(jdbc, tenantId, "rdse00lab", "TSPR04LAB", 2);
        openAs(AppRoles.VIEWER);
        assertThat(GridKt._getFormatted(groupGrid(), 0, "id")).isEqualTo("prfi00office");

        GridKt._sortByKey(groupGrid(), "devices", SortDirection.DESCENDING);

        assertThat(GridKt._getFormatted(groupGrid(), 0, "id")).isEqualTo("rdse00lab");
    }

    @Test
    void the_search_narrows_the_list_and_says_when_nothing_matches() {
        GroupRows.group(jdbc, tenantId, "prfi00office", "Head office", MONDAY);
        GroupRows.group(jdbc, tenantId, "rdse00lab", "Test lab", MONDAY);
        openAs(AppRoles.VIEWER);
        assertThat(GridKt._size(groupGrid())).isEqualTo(2);

        _setValue(_get(TextField.class, spec -> spec.withId("group-search")), "LAB");
        assertThat(GridKt._size(groupGrid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(groupGrid(), 0, "id")).isEqualTo("rdse00lab");

        _setValue(_get(TextField.class, spec -> spec.withId("group-search")), "cellar");
        assertThat(GridKt._size(groupGrid())).isZero();
        assertThat(groupGrid().getEmptyStateText()).isEqualTo("No group matches \"cellar\".");
    }

    @Test
    void a_tenant_without_groups_is_told_how_to_get_some() {
        openAs(AppRoles.ADMIN);

        assertThat(GridKt._size(groupGrid())).isZero();
        assertThat(groupGrid().getEmptyStateText()).startsWith("No deployment groups yet.");
        assertThat(_get(Span.class, spec -> spec.withId("sync-status")).getText())
                .isEqualTo("Not synced with Thingsee yet.");
    }

    @Test
    void a_viewer_reads_only_no_new_group_and_no_sync() {
        GroupRows.group(jdbc, tenantId, "prfi00office", null, MONDAY);
        openAs(AppRoles.VIEWER);

        _assertNone(Button.class, spec -> spec.withId("new-group"));
        _assertNone(Button.class, spec -> spec.withId("sync-now"));
        assertThat(groupGrid().getEmptyStateText()).isEqualTo("Your organisation has no deployment groups yet.");
    }

    @Test
    void an_installer_is_denied_the_group_list() {
        openAs(AppRoles.INSTALLER);

        assertThat(currentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    @Test
    void an_admins_new_group_opens_the_wizard() {
        openAs(AppRoles.ADMIN);
        stubTheGroupRoutes();

        _click(_get(Button.class, spec -> spec.withId("new-group")));

        assertThat(currentView()).isInstanceOf(Stub.class);
        assertThat(currentPath()).isEqualTo("groups/new");
    }

    @Test
    void clicking_a_row_opens_the_group_page() {
        GroupRows.group(jdbc, tenantId, "prfi00office", null, MONDAY);
        openAs(AppRoles.VIEWER);
        stubTheGroupRoutes();

        GridKt._clickItem(groupGrid(), 0);

        assertThat(currentView()).isInstanceOf(Stub.class);
        assertThat(currentPath()).isEqualTo("groups/prfi00office");
    }

    @Test
    void sync_now_runs_in_the_background_with_progress_then_shows_the_summary_and_the_new_groups() throws Exception {
        var thingseeAnswers = new CountDownLatch(1);
        when(thingsee.listGroups(STACK)).thenAnswer(call -> {
            thingseeAnswers.await();
            return List.of(new ThingseeGroup("prfi00office", "Head office"));
        });
        when(thingsee.listGroupDevices(STACK, "prfi00office")).thenReturn(List.of("TSPR04A", "TSPR04B"));
        openAs(AppRoles.ADMIN);

        _click(_get(Button.class, spec -> spec.withId("sync-now")));

        // The click returned while Thingsee had not answered yet: the sync is not on the UI thread.
        assertThat(_get(ProgressBar.class, spec -> spec.withId("sync-progress")).isVisible())
                .isTrue();
        assertThat(_get(Button.class, spec -> spec.withId("sync-now")).isEnabled())
                .isFalse();
        thingseeAnswers.countDown();
        Span result = awaitResult();
        assertThat(result.getText())
                .isEqualTo("Sync finished. Groups imported: 1. Devices imported: 2. Differences with Thingsee: 0.");
        _assertNone(ProgressBar.class, spec -> spec.withId("sync-progress"));
        assertThat(GridKt._getFormattedRow(groupGrid(), 0).subList(0, 5))
                .containsExactly("prfi00office", "Head office", "Production", "Finland", "2");
        assertThat(_get(Span.class, spec -> spec.withId("sync-status")).getText())
                .startsWith("Last synced with Thingsee");
    }

    @Test
    void sync_progress_counts_each_devices_installation_status_call_as_a_step() throws Exception {
        var secondStatusAnswers = new CountDownLatch(1);
        when(thingsee.listGroups(STACK)).thenReturn(List.of(new ThingseeGroup("prfi00office", null)));
        when(thingsee.listGroupDevices(STACK, "prfi00office")).thenReturn(List.of("TSPR04A", "TSPR04B"));
        when(thingsee.getInstallationHistory(STACK, "TSPR04B", 1)).thenAnswer(call -> {
            secondStatusAnswers.await();
            return List.of();
        });
        openAs(AppRoles.ADMIN);

        _click(_get(Button.class, spec -> spec.withId("sync-now")));

        // The groups, the group's members and the first device's status are done; the second's and storing are not.
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.clientRoundtrip();
            return _get(Span.class, spec -> spec.withId("sync-steps"))
                    .getText()
                    .equals("Reading each device's installation status: step 3 of 5");
        });
        assertThat(_get(ProgressBar.class, spec -> spec.withId("sync-progress")).getValue())
                .isEqualTo(0.6);
        secondStatusAnswers.countDown();
        awaitResult();
        _assertNone(Span.class, spec -> spec.withId("sync-steps"));
    }

    @Test
    void differences_found_by_a_sync_are_shown_with_what_differs() {
        GroupRows.group(jdbc, tenantId, "prfi00old", null, MONDAY);
        when(thingsee.listGroups(STACK)).thenReturn(List.of(new ThingseeGroup("pruk00london", null)));
        openAs(AppRoles.ADMIN);
        _assertNone(Details.class, spec -> spec.withId("sync-differences-panel"));

        _click(_get(Button.class, spec -> spec.withId("sync-now")));
        awaitResult();

        Details panel = _get(Details.class, spec -> spec.withId("sync-differences-panel"));
        assertThat(panel.getSummaryText()).isEqualTo("Differences with Thingsee (2)");
        assertThat(panel.isOpened()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<Object> differences = _get(Grid.class, spec -> spec.withId("sync-differences"));
        assertThat(List.of(
                        GridKt._getFormattedRow(differences, 0).get(0),
                        GridKt._getFormattedRow(differences, 1).get(0)))
                .containsExactlyInAnyOrder(
                        "Group prfi00old is in the portal but not in Thingsee.",
                        "Thingsee has a group pruk00london, which the portal cannot take in: \"uk\" is not an ISO"
                                + " 3166-1 country code; use xx for no specific country.");
    }

    @Test
    void a_failing_thingsee_shows_its_message_and_keeps_the_list() {
        GroupRows.group(jdbc, tenantId, "prfi00office", null, MONDAY);
        when(thingsee.listGroups(any()))
                .thenThrow(new ThingseeException.Unavailable(503, "Service Unavailable", "Try again later", null));
        openAs(AppRoles.ADMIN);

        _click(_get(Button.class, spec -> spec.withId("sync-now")));
        Span result = awaitResult();

        assertThat(result.getText())
                .isEqualTo("Thingsee did not answer as expected, so nothing was changed: 503 Service Unavailable:"
                        + " Try again later");
        assertThat(GridKt._size(groupGrid())).isEqualTo(1);
        assertThat(_get(Button.class, spec -> spec.withId("sync-now")).isEnabled())
                .isTrue();
    }

    private void openAs(String role) {
        signIn("Aino", tenantId, role);
        UI.getCurrent().navigate("groups");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> groupGrid() {
        return _get(Grid.class, spec -> spec.withId("groups"));
    }

    /** Runs what the sync's thread pushed to the page, as the browser's next round trip would. */
    private static Span awaitResult() {
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.clientRoundtrip();
            return !_find(Span.class, spec -> spec.withId("sync-result")).isEmpty();
        });
        return _get(Span.class, spec -> spec.withId("sync-result"));
    }

    /** Stands in for the wizard and the group page, which are other views' business. */
    private static void stubTheGroupRoutes() {
        RouteConfiguration.forSessionScope().setRoute("groups/new", Stub.class);
        RouteConfiguration.forSessionScope().setRoute("groups/:groupId", Stub.class);
    }

    @PermitAll
    static class Stub extends Div {}

    private static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }
}
