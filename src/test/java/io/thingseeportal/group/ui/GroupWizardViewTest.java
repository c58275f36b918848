package io.thingseeportal.group.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteConfiguration;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.group.GroupEnvironment;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeGroup;
import jakarta.annotation.security.PermitAll;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.TaskExecutor;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * An admin creates a group with the wizard. Thingsee is a mock, and the background work waits in a queue until the
 * test runs it, so that a test can look at the wizard while the group is being created.
 */
class GroupWizardViewTest extends MockedThingseeTest {

    @TestBean(name = "applicationTaskExecutor")
    TaskExecutor background;

    @Autowired
    GroupService groups;

    long tenantId;

    static TaskExecutor background() {
        return new QueuedTasks();
    }

    @BeforeEach
    void openTheWizardAsAnAdminOfAFinnishTenant() {
        tenantId = TestData.tenant(jdbc, "Acme");
        jdbc.sql("UPDATE tenant SET default_country = 'fi' WHERE id = ?")
                .param(tenantId)
                .update();
        signIn("Aino Virtanen", tenantId, AppRoles.ADMIN);
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.createGroup(any(), anyString(), any()))
                .thenAnswer(call -> new ThingseeGroup(call.getArgument(1), call.getArgument(2)));
        // The group's own page is another view's; a stand-in shows where the wizard went. (A session's routes come
        // before the application's, so this one must not match groups/new.)
        RouteConfiguration.forSessionScope()
                .setRoute("groups/:groupId([a-z]{4}00[a-z0-9]{1,32})", GroupPageStandIn.class);
        tasks().clear();
        UI.getCurrent().navigate("groups/new");
    }

    @Test
    void an_admin_creates_the_group_in_thingsee_and_the_portal_and_lands_on_its_page() {
        fillIn(GroupEnvironment.PRODUCTION, null, "Head Office!", "Sensors of the head office");
        assertThat(text("review-id")).isEqualTo("prfi00headoffice");

        createAndFinish();

        verify(thingsee).createGroup(STACK, "prfi00headoffice", "Sensors of the head office");
        assertThat(groups.find(GroupId.parse("prfi00headoffice")))
                .hasValueSatisfying(group -> assertThat(group.description()).isEqualTo("Sensors of the head office"));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("groups/prfi00headoffice");
        NotificationsKt.expectNotifications("Group prfi00headoffice created.");
    }

    @Test
    void each_environment_is_offered_with_what_it_means_and_unassigned_is_not() {
        RadioButtonGroup<GroupEnvironment> environment = environmentField();

        assertThat(environment.getListDataView().getItems())
                .containsExactly(GroupEnvironment.PRODUCTION, GroupEnvironment.DEMO, GroupEnvironment.DEVELOPMENT);
        _get(environment, Span.class, spec -> spec.withText("Development (rd)"));
        _get(environment, Span.class, spec -> spec.withText("Demo: sensors shown to customers or at events."));
    }

    @Test
    void the_name_shows_what_it_becomes_and_the_full_id_as_it_is_typed() {
        goToNameStep(GroupEnvironment.DEMO);
        _setValue(nameField(), "Northern Finland – HQ!");

        assertThat(nameField().getHelperText()).isEqualTo("In the group id: northernfinlandhq");
        assertThat(text("id-preview")).isEqualTo("Group id: dmfi00northernfinlandhq");
        assertThat(nameField().isInvalid()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'   '                                     | Enter a name for the group.",
                "'!!! – ???'                               | Nothing of \"!!! – ???\" can go into a group id: use letters a-z or digits.",
                "Northern Finland Head Office Building 1   | The name is 34 characters long; at most 32 are allowed.",
                "Unassigned                                | \"unassigned\" is Thingsee's own group for devices in no group; it cannot be created."
            })
    void an_invalid_name_is_explained_and_the_wizard_goes_no_further(String name, String reason) {
        goToNameStep(GroupEnvironment.PRODUCTION);
        _setValue(nameField(), name);

        assertThat(nameField().isInvalid()).isTrue();
        assertThat(nameField().getErrorMessage()).isEqualTo(reason);
        _click(button("next"));
        assertThat(text("wizard-step")).isEqualTo("Step 3 of 4: Name and description");
        assertThat(_find(Button.class, spec -> spec.withId("create"))).isEmpty();
        verify(thingsee, never()).createGroup(any(), anyString(), any());
    }

    @Test
    void going_on_without_a_name_asks_for_one() {
        goToNameStep(GroupEnvironment.PRODUCTION);

        _click(button("next"));

        assertThat(nameField().getErrorMessage()).isEqualTo("Enter a name for the group.");
        assertThat(_find(Button.class, spec -> spec.withId("create"))).isEmpty();
    }

    @Test
    void a_description_over_100_characters_is_explained_and_the_wizard_goes_no_further() {
        goToNameStep(GroupEnvironment.PRODUCTION);
        _setValue(nameField(), "office");
        _setValue(descriptionField(), "x".repeat(101));

        assertThat(descriptionField().isInvalid()).isTrue();
        assertThat(descriptionField().getErrorMessage())
                .isEqualTo("A description can be at most 100 characters long; this one has 101.");
        _click(button("next"));
        assertThat(_find(Button.class, spec -> spec.withId("create"))).isEmpty();
    }

    @Test
    void the_country_starts_from_the_tenant_settings() {
        goToCountryStep();

        assertThat(countryField().getValue()).isEqualTo("fi");
        assertThat(countryField().getItemLabelGenerator().apply("fi")).isEqualTo("Finland (FI)");
    }

    @Test
    void a_tenant_without_a_default_country_starts_with_no_specific_country() {
        jdbc.sql("UPDATE tenant SET default_country = NULL WHERE id = ?")
                .param(tenantId)
                .update();
        reopen();
        goToCountryStep();

        assertThat(countryField().getValue()).isEqualTo("xx");
        assertThat(countryField().getItemLabelGenerator().apply("xx")).isEqualTo("No specific country (xx)");
    }

    @Test
    void no_specific_country_makes_an_xx_group() {
        fillIn(GroupEnvironment.DEVELOPMENT, GroupId.NO_COUNTRY, "Test lab", "");

        createAndFinish();

        verify(thingsee).createGroup(STACK, "rdxx00testlab", null);
    }

    @Test
    void countries_are_found_by_name_and_by_code() {
        goToCountryStep();

        ComboBoxKt.setUserInput(countryField(), "germ");
        assertThat(ComboBoxKt.getSuggestionItems(countryField())).containsExactly("de");

        ComboBoxKt.setUserInput(countryField(), "gb");
        assertThat(ComboBoxKt.getSuggestionItems(countryField())).containsExactly("gb");
    }

    @Test
    void country_names_are_in_the_language_of_the_user_interface() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("fi"));
        reopen();
        goToCountryStep();

        assertThat(countryField().getItemLabelGenerator().apply("se")).isEqualTo("Ruotsi (SE)");
        assertThat(countryField().getItemLabelGenerator().apply("xx")).isEqualTo("Ei tiettyä maata (xx)");
        ComboBoxKt.setUserInput(countryField(), "ruot");
        assertThat(ComboBoxKt.getSuggestionItems(countryField())).containsExactly("se");
    }

    @Test
    void while_the_group_is_created_progress_shows_and_create_cannot_be_pressed_again() {
        fillIn(GroupEnvironment.PRODUCTION, null, "office", "");

        _click(button("create"));

        assertThat(_get(Div.class, spec -> spec.withId("create-progress")).isVisible())
                .isTrue();
        assertThat(button("create").isEnabled()).isFalse();
        assertThat(button("back").isEnabled()).isFalse();
        assertThatThrownBy(() -> _click(button("create"))).isInstanceOf(IllegalStateException.class);
        // A second click that reached the server anyway (a double click) starts nothing either.
        ComponentUtil.fireEvent(button("create"), new ClickEvent<>(button("create")));
        assertThat(tasks()).hasSize(1);

        finish();

        verify(thingsee).createGroup(STACK, "prfi00office", null);
        assertThat(groups.countGroups()).isEqualTo(1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("groups/prfi00office");
    }

    @Test
    void a_thingsee_error_shows_its_message_and_keeps_every_input() {
        when(thingsee.createGroup(any(), anyString(), any()))
                .thenThrow(new ThingseeException.InvalidRequest(
                        400, "Bad Request", "group_description must not contain '<'"));
        fillIn(GroupEnvironment.DEMO, "se", "Showroom", "Demo kit <1>");

        createAndFinish();

        assertThat(failureText())
                .contains("Thingsee did not create the group. Its answer: \"group_description must not contain '<'\".");
        assertThat(text("review-environment")).isEqualTo("Demo (dm)");
        assertThat(text("review-country")).isEqualTo("Sweden (SE)");
        assertThat(text("review-id")).isEqualTo("dmse00showroom");
        assertThat(text("review-description")).isEqualTo("Demo kit <1>");
        assertThat(button("create").isEnabled()).isTrue();
        assertThat(groups.countGroups()).isZero();
        _click(button("back"));
        assertThat(nameField().getValue()).isEqualTo("Showroom");
        assertThat(descriptionField().getValue()).isEqualTo("Demo kit <1>");
    }

    @Test
    void an_unexpected_error_is_explained_in_the_wizard_with_an_incident_id_and_keeps_every_input() {
        when(thingsee.createGroup(any(), anyString(), any())).thenThrow(new IllegalStateException("secret detail"));
        fillIn(GroupEnvironment.PRODUCTION, null, "office", "Head office");

        _click(button("create"));
        tasks().runAll();
        // As in a server: the error goes to the session's error handler (Karibu would rethrow it into the test).
        MockVaadin.runUIQueue(true);

        assertThat(failureText()).contains("The group could not be created because of an unexpected error");
        assertThat(NotificationsKt.getNotifications())
                .singleElement()
                .satisfies(notification -> assertThat(notification.getElement().getProperty("text"))
                        .contains("incident id")
                        .doesNotContain("secret detail"));
        assertThat(text("review-id")).isEqualTo("prfi00office");
        assertThat(text("review-description")).isEqualTo("Head office");
        assertThat(button("create").isEnabled()).isTrue();
    }

    @Test
    void a_tenant_without_a_thingsee_connection_is_told_so() {
        when(stacks.forTenant(anyString())).thenReturn(Optional.empty());
        fillIn(GroupEnvironment.PRODUCTION, null, "office", "");

        createAndFinish();

        assertThat(failureText()).contains("Your organisation has no Thingsee connection configured");
        verify(thingsee, never()).createGroup(any(), anyString(), any());
    }

    @Test
    void a_group_the_portal_has_already_is_offered_to_open() {
        jdbc.sql("INSERT INTO deployment_group (tenant_id, group_id, created_at, last_activity_at) VALUES (?, ?, ?, ?)")
                .params(tenantId, "prfi00office", Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                .update();
        fillIn(GroupEnvironment.PRODUCTION, null, "office", "");

        createAndFinish();

        assertThat(failureText()).contains("A group prfi00office exists already");
        assertThat(_get(Anchor.class, spec -> spec.withId("open-existing")).getHref())
                .isEqualTo("groups/prfi00office");
        verify(thingsee, never()).createGroup(any(), anyString(), any());
    }

    @Test
    void a_group_thingsee_has_already_is_offered_to_open() {
        when(thingsee.createGroup(any(), anyString(), any()))
                .thenThrow(new ThingseeException.Conflict(409, "Conflict", "Group already exists"));
        fillIn(GroupEnvironment.PRODUCTION, null, "office", "");

        createAndFinish();

        assertThat(_get(Anchor.class, spec -> spec.withId("open-existing")).getHref())
                .isEqualTo("groups/prfi00office");
        assertThat(groups.find(GroupId.parse("prfi00office"))).isPresent();
    }

    @Test
    void the_review_leads_back_to_change_anything() {
        fillIn(GroupEnvironment.PRODUCTION, null, "office", "");

        _click(button("change-country"));
        assertThat(text("wizard-step")).isEqualTo("Step 2 of 4: Country");
        _setValue(countryField(), "se");
        _click(button("next"));
        _click(button("next"));

        assertThat(text("review-id")).isEqualTo("prse00office");
        assertThat(text("review-name")).isEqualTo("office");
    }

    @ParameterizedTest
    @ValueSource(strings = {AppRoles.VIEWER, AppRoles.INSTALLER})
    void only_an_admin_may_open_the_wizard(String role) {
        signIn("Veera", tenantId, role);
        UI.getCurrent().navigate("groups/new");

        _get(Div.class, spec -> spec.withId("access-denied"));
        assertThat(_find(GroupWizardView.class)).isEmpty();
    }

    private void fillIn(GroupEnvironment environment, @Nullable String country, String name, String description) {
        _setValue(environmentField(), environment);
        _click(button("next"));
        if (country != null) {
            _setValue(countryField(), country);
        }
        _click(button("next"));
        _setValue(nameField(), name);
        _setValue(descriptionField(), description);
        _click(button("next"));
        assertThat(text("wizard-step")).isEqualTo("Step 4 of 4: Review");
    }

    /** Opens the wizard afresh: navigating to the page it shows would keep the same instance. */
    private static void reopen() {
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("groups/new");
    }

    private static void goToCountryStep() {
        _setValue(environmentField(), GroupEnvironment.PRODUCTION);
        _click(button("next"));
    }

    private void goToNameStep(GroupEnvironment environment) {
        _setValue(environmentField(), environment);
        _click(button("next"));
        _click(button("next"));
    }

    private void createAndFinish() {
        _click(button("create"));
        finish();
    }

    /** Runs the queued background work, then what it handed back to the UI, as a push would. */
    private void finish() {
        tasks().runAll();
        MockVaadin.clientRoundtrip();
    }

    private QueuedTasks tasks() {
        return (QueuedTasks) background;
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<GroupEnvironment> environmentField() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("environment"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> countryField() {
        return _get(ComboBox.class, spec -> spec.withId("country"));
    }

    private static TextField nameField() {
        return _get(TextField.class, spec -> spec.withId("name"));
    }

    private static TextArea descriptionField() {
        return _get(TextArea.class, spec -> spec.withId("description"));
    }

    private static String failureText() {
        return _get(Div.class, spec -> spec.withId("create-failure"))
                .getElement()
                .getTextRecursively();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id))
                .getElement()
                .getTextRecursively();
    }

    /** Background work that runs only when the test says so, on the test's thread. */
    static final class QueuedTasks extends ConcurrentLinkedQueue<Runnable> implements TaskExecutor {

        @Override
        public void execute(Runnable task) {
            add(task);
        }

        void runAll() {
            for (Runnable task = poll(); task != null; task = poll()) {
                task.run();
            }
        }
    }

    /** Stands in for the group's own page, which is not the wizard's to build. */
    @PermitAll
    static class GroupPageStandIn extends Div {}
}
